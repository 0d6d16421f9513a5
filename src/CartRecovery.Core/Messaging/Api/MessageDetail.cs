using CartRecovery.Core.Messaging.Log;

namespace CartRecovery.Core.Messaging.Api;

/// <summary>One message with everything the customer received (null once erased).</summary>
public sealed record MessageDetail(MessageSummary Message, MessageContent? Content)
{
    public static MessageDetail From(MessageRecord record) => new(
        MessageSummary.From(record),
        record.Content is { } c
            ? new MessageContent(c.Locale, c.Subject, c.Preheader, c.Html, c.Text, c.Title, c.ActionUrl, c.Headers, c.CopySource, c.FallbackReason)
            : null);
}

public sealed record MessageContent(
    string Locale,
    string? Subject,
    string? Preheader,
    string? Html,
    string Text,
    string? Title,
    string ActionUrl,
    IReadOnlyDictionary<string, string> Headers,
    string CopySource,
    string? FallbackReason);
