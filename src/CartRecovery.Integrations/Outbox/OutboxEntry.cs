namespace CartRecovery.Integrations.Outbox;

/// <summary>
/// One message the outbox kept instead of sending, as a JSON file a person can read. The recipient is masked (last digits of a
/// phone, host of a push endpoint): the full record, erasable on request, is in the message store.
/// </summary>
public sealed record OutboxEntry(
    string Id,
    string Channel,
    string Recipient,
    string? Title,
    string Text,
    string? ActionUrl,
    DateTimeOffset StoredAt);
