using Azure.Data.Tables;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// The rows of the inbox, all in the shop's partition: in <c>WebhookInbox</c>, <c>q|{webhook id}</c> a recorded delivery
/// waiting to be processed (its body compressed); in <c>WebhookLedger</c>, <c>d|{webhook id}</c> a processed delivery and
/// <c>e|{topic}|{event id}</c> a processed merchant action, both kept for the dedupe retention so retries and duplicate
/// subscriptions have no second effect.
/// </summary>
public static class InboxRows
{
    public const string Pending = "q|";
    public const string Delivered = "d|";
    public const string Event = "e|";

    public static string PendingKey(string webhookId) => Pending + KeyEscaping.Escape(webhookId);

    public static string DeliveredKey(string webhookId) => Delivered + KeyEscaping.Escape(webhookId);

    public static string EventKey(string topic, string eventId) => Event + KeyEscaping.Escape(topic) + "|" + KeyEscaping.Escape(eventId);

    /// <summary>Null when the body does not fit an entity even compressed.</summary>
    public static TableEntity? ToPending(WebhookDelivery delivery, string partition)
    {
        var entity = new TableEntity(partition, PendingKey(delivery.WebhookId))
        {
            ["Shop"] = delivery.Shop,
            ["Topic"] = delivery.Topic,
            ["WebhookId"] = delivery.WebhookId,
            ["EventId"] = delivery.EventId,
            ["TriggeredAt"] = delivery.TriggeredAt,
            ["ApiVersion"] = delivery.ApiVersion,
            ["ReceivedAt"] = delivery.ReceivedAt,
        };
        return ChunkedProperties.TryWrite(entity, "Body", delivery.Body.Span) ? entity : null;
    }

    public static WebhookDelivery FromPending(TableEntity entity) => new(
        entity.GetString("Shop")!,
        entity.GetString("Topic")!,
        entity.GetString("WebhookId")!,
        entity.GetString("EventId"),
        entity.GetDateTimeOffset("TriggeredAt"),
        entity.GetString("ApiVersion"),
        entity.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        ChunkedProperties.Read(entity, "Body") ?? []);

    public static int Attempts(TableEntity entity) => entity.GetInt32("Attempts") ?? 0;

    /// <summary>Approximate stored size, to keep a transaction under the service's 4 MiB limit.</summary>
    public static int ApproximateSize(TableEntity entity) =>
        1024 + entity.Sum(p => p.Value switch { byte[] b => b.Length, string s => s.Length * 2, _ => 16 });
}
