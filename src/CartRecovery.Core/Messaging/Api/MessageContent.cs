namespace CartRecovery.Core.Messaging.Api;

/// <summary>What the customer received, as the API shows it: the rendered message without its channel, which the summary carries.</summary>
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
    string? FallbackReason)
{
    public static MessageContent From(RenderedMessage m) =>
        new(m.Locale, m.Subject, m.Preheader, m.Html, m.Text, m.Title, m.ActionUrl, m.Headers, m.CopySource, m.FallbackReason);
}
