using System.Collections.Concurrent;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Integrations.Tests.Messaging;

/// <summary>A composer for executor tests (the real one belongs to the composition work): a fixed message per channel, and a log of calls.</summary>
internal sealed class TestComposer : IMessageComposer
{
    public ConcurrentQueue<(StepRequest Request, string MessageId)> Calls { get; } = new();

    public string SmsBody { get; set; } = "Your cart is waiting.";

    public Task<RenderedMessage> ComposeAsync(StepRequest request, string messageId, CancellationToken cancellationToken)
    {
        Calls.Enqueue((request, messageId));
        var url = $"https://demo.example/r/{messageId}?utm_medium={request.Channel.ToString().ToLowerInvariant()}";
        var headers = request.Channel == Channel.Email
            ? new Dictionary<string, string> { ["List-Unsubscribe"] = $"<https://app.example/u/{messageId}>", ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click" }
            : new Dictionary<string, string>();
        return Task.FromResult(request.Channel switch
        {
            Channel.Email => new RenderedMessage(Channel.Email, "en", "Your cart is waiting", "Still there?", $"<p>Hi <b>Ana</b> <a href=\"{url}\">finish</a></p>", $"Hi Ana, finish: {url}", null, url, headers, "template", null),
            Channel.Sms => new RenderedMessage(Channel.Sms, "en", null, null, null, $"{SmsBody} {url}", null, url, headers, "template", null),
            Channel.Push => new RenderedMessage(Channel.Push, "en", null, null, null, "2 items are waiting", "Demo Store", url, headers, "template", null),
            _ => new RenderedMessage(Channel.Popup, "en", null, null, "<div>Complete your purchase</div>", "Complete your purchase", "Still interested?", url, headers, "template", null),
        });
    }
}
