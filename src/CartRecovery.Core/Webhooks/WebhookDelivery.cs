namespace CartRecovery.Core.Webhooks;

/// <summary>
/// One verified delivery as the inbox records it before acknowledging: the raw body and the headers that matter.
/// <see cref="WebhookId"/> is the same on every retry of this delivery; <see cref="EventId"/> is shared by every delivery
/// of one merchant action (several subscriptions to one topic).
/// </summary>
public sealed record WebhookDelivery(
    string Shop,
    string Topic,
    string WebhookId,
    string? EventId,
    DateTimeOffset? TriggeredAt,
    string? ApiVersion,
    DateTimeOffset ReceivedAt,
    ReadOnlyMemory<byte> Body)
{
    public WebhookTopic KnownTopic => WebhookTopics.Parse(Topic);

    /// <summary>When the change happened as far as the headers tell: Shopify's trigger time, else when we received it.</summary>
    public DateTimeOffset OccurredAt => TriggeredAt ?? ReceivedAt;
}
