using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Storage.Messages;

namespace CartRecovery.Server.Tests.Messages;

/// <summary>Writes messages through the server's own store, as the step executor would.</summary>
internal static class MessageSeeds
{
    public static async Task<MessageRecord> SentAsync(TableMessages store, string shop, Channel channel, string step, RenderedMessage content, string? providerId = null)
    {
        var key = $"{shop}/chk-1/{step}/{channel.ToString().ToLowerInvariant()}";
        var draft = new MessageDraft(shop, "cart-abc", step, 0, channel, MessageIntent.HelpfulReminder, key, channel == Channel.Email ? "ana@example.com" : "+15551234567", "id:42", "cart-tok");
        var (record, _) = await store.CreateAsync(draft, MessageStatus.Sending, null, CancellationToken.None);
        await store.SaveContentAsync(shop, record.MessageId, content, CancellationToken.None);
        return await store.MarkSentAsync(shop, record.MessageId, channel == Channel.Email ? "resend" : "outbox", providerId ?? "p-" + record.MessageId, CancellationToken.None);
    }

    public static async Task<MessageRecord> SkippedAsync(TableMessages store, string shop, Channel channel, string step)
    {
        var draft = new MessageDraft(shop, "cart-abc", step, 1, channel, MessageIntent.SocialProof, $"{shop}/chk-1/{step}/{channel}", null, null, "cart-tok");
        var (record, _) = await store.CreateAsync(draft, MessageStatus.Skipped, "no SMS marketing consent (NotSubscribed)", CancellationToken.None);
        return record;
    }

    public static RenderedMessage Email(string html, string subject = "Your cart is waiting") =>
        new(Channel.Email, "en", subject, "Still there?", html, "Plain text part", null, "https://demo.example/r", new Dictionary<string, string>(), "template", null);

    public static RenderedMessage Sms(string text) =>
        new(Channel.Sms, "en", null, null, null, text, null, "https://demo.example/r", new Dictionary<string, string>(), "template", null);
}
