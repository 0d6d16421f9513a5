using Azure;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Tables;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Webhooks;

/// <summary>The processing side of the inbox: what is pending in a partition, whether it already had its effect, and completing it.</summary>
public sealed class WebhookInboxQueue(StorageTables tables, IOptions<WebhookOptions> options, TimeProvider time)
{
    public async Task<IReadOnlyList<TableEntity>> PendingAsync(string partition, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {InboxRows.Pending} and RowKey lt {"q}"}");
        var pending = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(filter, maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            pending.Add(entity);
            if (pending.Count >= max)
            {
                break;
            }
        }

        return pending.OrderBy(e => e.GetDateTimeOffset("ReceivedAt")).ToList();
    }

    /// <summary>True when this delivery, or another delivery of the same merchant action and topic, was already processed.</summary>
    public async Task<bool> AlreadyProcessedAsync(string partition, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        var delivered = InboxRows.DeliveredKey(delivery.WebhookId);
        var filter = delivery.EventId is { } eventId
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and (RowKey eq {delivered} or RowKey eq {InboxRows.EventKey(delivery.Topic, eventId)})")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey eq {delivered}");
        await foreach (var _ in table.QueryAsync(filter, maxPerPage: 2, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }

    /// <summary>Atomically removes the pending row and remembers the delivery and its event as processed.</summary>
    public async Task CompleteAsync(string partition, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var expires = now + options.Value.DedupeRetention;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, new TableEntity(partition, InboxRows.PendingKey(delivery.WebhookId)), ETag.All),
            new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, InboxRows.DeliveredKey(delivery.WebhookId)) { ["ProcessedAt"] = now, ["ExpiresAt"] = expires, ["Topic"] = delivery.Topic }),
        };
        if (delivery.EventId is { } eventId)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, InboxRows.EventKey(delivery.Topic, eventId)) { ["ProcessedAt"] = now, ["ExpiresAt"] = expires }));
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // Completed meanwhile by another worker sharing the table: its ledger rows are written.
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
        var dead = new TableEntity(pending.PartitionKey, "x|" + pending.RowKey[InboxRows.Pending.Length..]);
        foreach (var (key, value) in pending)
        {
            dead[key] = value;
        }

        await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Delete, new TableEntity(pending.PartitionKey, pending.RowKey), ETag.All),
                new(TableTransactionActionType.UpsertReplace, dead),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets processed delivery and event ids older than the retention (longer than Shopify's retry window).</summary>
    public async Task<int> PurgeExpiredAsync(string partition, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableWebhookInbox.TableName, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {InboxRows.Delivered} and RowKey lt {"e}"} and ExpiresAt lt {now}");
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
