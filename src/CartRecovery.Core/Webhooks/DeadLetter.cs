namespace CartRecovery.Core.Webhooks;

/// <summary>A delivery set aside after failing every processing attempt: what an operator needs to find and replay it (no body, no personal data).</summary>
public sealed record DeadLetter(
    string WebhookId,
    string Topic,
    string? EventId,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? TriggeredAt,
    int Attempts,
    DateTimeOffset? DeadLetteredAt);
