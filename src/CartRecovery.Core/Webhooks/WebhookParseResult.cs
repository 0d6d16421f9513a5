namespace CartRecovery.Core.Webhooks;

/// <summary>Either a parsed payload or the reason it was refused (safe to return to the caller: it never echoes field values).</summary>
public sealed record WebhookParseResult(ParsedWebhook? Parsed, string? Error)
{
    public static WebhookParseResult Ok(WebhookTopic topic, object payload) => new(new ParsedWebhook(topic, payload), null);

    public static WebhookParseResult Fail(string error) => new(null, error);
}
