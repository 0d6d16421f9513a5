using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Tables;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// The processing side of the inbox: what is pending in a partition, whether it already had its effect, and completing it.
/// Processed delivery and event ids live in their own table (<c>WebhookLedger</c>), so the inbox table holds only what is
/// pending and listing it stays cheap (Azurite answers every query by scanning the whole table).
/// </summary>
public sealed class WebhookInboxQueue(StorageTables tables, IOptions<WebhookOptions> options, TimeProvider time)
{
    public const string LedgerTable = "WebhookLedger";

    /// <summary>
    /// Keys of up to <paramref name="max"/> pending deliveries, oldest first. Only keys are listed (bodies are read one by one
    /// with <see cref="ReadAsync"/>): a listing that returned bodies would keep the storage busy exactly when deliveries pour in.
    /// </summary>
    public Task<IReadOnlyList<TableEntity>> PendingAsync(string partition, int max, CancellationToken cancellationToken) =>
        ListPendingAsync(partition, max, withBodies: false, cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> pending deliveries, oldest first, with their bodies when <paramref name="withBodies"/>:
    /// one listing instead of a read per delivery, for the passes that are not paced (acknowledging is quiet).
    /// </summary>
    public async Task<IReadOnlyList<TableEntity>> ListPendingAsync(string partition, int max, bool withBodies, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {InboxRows.Pending} and RowKey lt {"q}"}");
        var pending = new List<TableEntity>();
        IEnumerable<string>? select = withBodies ? null : ["RowKey", "ReceivedAt", "Attempts"];
        await foreach (var entity in table.QueryAsync(filter, maxPerPage: Math.Min(max, 1000), select: select, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            pending.Add(entity);
            if (pending.Count >= max)
            {
                break;
            }
        }

        return pending.OrderBy(e => e.GetDateTimeOffset("ReceivedAt")).ToList();
    }

    /// <summary>The whole pending row (with its body), or null when it was completed meanwhile.</summary>
    public async Task<TableEntity?> ReadAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        return await table.GetEntityIfExistsAsync(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// True while a delivery of the same shop, other than a compliance one, that was received no later than
    /// <paramref name="delivery"/> is still pending. Asked of the storage rather than of a pass's listing, which holds at
    /// most a page, orders equal receive times arbitrarily and goes on past a delivery that failed.
    /// </summary>
    public async Task<bool> HasEarlierPendingAsync(string partition, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {InboxRows.Pending} and RowKey lt {"q}"} and Shop eq {delivery.Shop} and ReceivedAt le {delivery.ReceivedAt}");
        var own = InboxRows.PendingKey(delivery.WebhookId);
        await foreach (var entity in table.QueryAsync(filter, maxPerPage: 100, select: ["RowKey", "Topic"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey != own && !WebhookTopics.IsCompliance(WebhookTopics.Parse(entity.GetString("Topic"))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when this delivery, or another delivery of the same merchant action and topic, was already processed.</summary>
    public async Task<bool> AlreadyProcessedAsync(string partition, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var ledger = await tables.GetAsync(LedgerTable, cancellationToken).ConfigureAwait(false);
        // Both reads at once: this check is on every delivery's path, and the two answers do not depend on each other.
        var delivered = ledger.GetEntityIfExistsAsync(partition, InboxRows.DeliveredKey(delivery.WebhookId), ["RowKey"], cancellationToken);
        var action = delivery.EventId is { } eventId
            ? ledger.GetEntityIfExistsAsync(partition, InboxRows.EventKey(delivery.Topic, eventId), ["RowKey"], cancellationToken)
            : Task.FromResult<TableEntity?>(null);
        var found = await Task.WhenAll(delivered, action).ConfigureAwait(false);
        return found.Any(row => row is not null);
    }

    /// <summary>
    /// Remembers the deliveries and their events as processed, then removes their pending rows, a hundred rows per
    /// transaction. A crash in between leaves rows pending, and the next pass finds them already processed and only removes them.
    /// </summary>
    public async Task CompleteAsync(string partition, IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return;
        }

        var ledger = await tables.GetAsync(LedgerTable, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var expires = now + options.Value.DedupeRetention;
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var delivery in deliveries)
        {
            rows[InboxRows.DeliveredKey(delivery.WebhookId)] = new TableEntity(partition, InboxRows.DeliveredKey(delivery.WebhookId)) { ["ProcessedAt"] = now, ["ExpiresAt"] = expires, ["Topic"] = delivery.Topic };
            if (delivery.EventId is { } eventId)
            {
                rows[InboxRows.EventKey(delivery.Topic, eventId)] = new TableEntity(partition, InboxRows.EventKey(delivery.Topic, eventId)) { ["ProcessedAt"] = now, ["ExpiresAt"] = expires };
            }
        }

        foreach (var chunk in rows.Values.Chunk(100))
        {
            await ledger.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, r)), cancellationToken).ConfigureAwait(false);
        }

        var inbox = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        foreach (var chunk in deliveries.Select(d => InboxRows.PendingKey(d.WebhookId)).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            try
            {
                await inbox.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)), cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                // One was completed meanwhile by another worker sharing the table: delete the rest one by one.
                foreach (var key in chunk)
                {
                    await inbox.DeleteEntityAsync(partition, key, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Counts a failed attempt, so a delivery that keeps failing is visible and eventually set aside.</summary>
    public async Task RecordFailureAsync(TableEntity pending, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        var update = new TableEntity(pending.PartitionKey, pending.RowKey) { ["Attempts"] = InboxRows.Attempts(pending) + 1, ["LastFailureAt"] = time.GetUtcNow() };
        await table.UpdateEntityAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Moves a delivery that failed too often out of the queue (row <c>x|…</c>), keeping its body for inspection.</summary>
    public async Task DeadLetterAsync(TableEntity pending, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        var dead = new TableEntity(pending.PartitionKey, InboxRows.DeadKey(pending.RowKey)) { ["DeadLetteredAt"] = time.GetUtcNow() };
        foreach (var (key, value) in pending)
        {
            if (key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"))
            {
                dead[key] = value;
            }
        }

        dead["Attempts"] = InboxRows.Attempts(pending) + 1;

        await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Delete, new TableEntity(pending.PartitionKey, pending.RowKey), ETag.All),
                new(TableTransactionActionType.UpsertReplace, dead),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets processed delivery ids, event ids and body fingerprints older than the retention (longer than Shopify's retry window).</summary>
    public async Task<int> PurgeExpiredAsync(string partition, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(LedgerTable, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {InboxRows.Body} and RowKey lt {"e}"} and ExpiresAt lt {now}");
        var expired = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(filter, maxPerPage: 1000, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            expired.Add(entity);
        }

        foreach (var chunk in expired.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, e.RowKey), ETag.All)), cancellationToken).ConfigureAwait(false);
        }

        return expired.Count;
    }
}
