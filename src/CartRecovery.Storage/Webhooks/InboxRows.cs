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

    public const string Dead = "x|";
    public const string Body = "b|";

    /// <summary>Longest id kept readable in a key; a longer escaped id is replaced by its hash so every key fits the 1 KiB limit.</summary>
    private const int MaxIdPart = 200;

    public static string PendingKey(string webhookId) => Pending + IdPart(webhookId);

    public static string DeliveredKey(string webhookId) => Delivered + IdPart(webhookId);

    public static string DeadKey(string pendingKey) => Dead + pendingKey[Pending.Length..];

    public static string EventKey(string topic, string eventId) => Event + IdPart(topic) + "|" + IdPart(eventId);

    /// <summary>The replay guard's row of a body: the topic and the SHA-256 of the body's bytes.</summary>
    public static string BodyKey(string topic, string bodySha256) => Body + IdPart(topic) + "|" + bodySha256;

    /// <summary>
    /// The endpoint refuses ids that are long or unusual, but rows recorded before that check (or by another writer) must
    /// still be completable: an id whose escaped form would be too long becomes '~' and its SHA-256 instead.
    /// </summary>
    private static string IdPart(string id)
    {
        var escaped = KeyEscaping.Escape(id);
        return escaped.Length <= MaxIdPart
            ? escaped
            : "~" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)));
    }

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
