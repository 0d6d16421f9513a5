using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Storage;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// Wake-up rows in one table per quarter hour (<c>WorkflowTimers{yyyyMMddHHmm}</c>, a slot). A fired row is deleted from a
/// table holding one slot's rows, not every pending one (Azurite's delete is linear in the size of its table), a poll reads
/// only the slots up to now, and a drained slot goes with one table delete instead of a delete per row.
/// </summary>
/// <remarks>
/// A row goes into the table of its due slot, or of the writer's current slot when that is later (an overdue wake-up, a
/// signal's "now"), so nobody writes into a slot that has ended, and a table holds only rows due before its slot ends. A
/// slot's table is dropped only when it is empty and ended more than <see cref="DropAfter"/> ago: a row could only be lost
/// if a write arrived that long after its writer read the clock.
/// </remarks>
internal sealed class TableTimers(StorageTables tables, TimeProvider time)
{
    public const string TablePrefix = "WorkflowTimers";

    /// <summary>How much time one table covers.</summary>
    private static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(15);

    /// <summary>How long after its slot ends an empty table is kept.</summary>
    private static readonly TimeSpan DropAfter = TimeSpan.FromHours(1);

    private const string SlotFormat = "yyyyMMddHHmm";

    public async Task<TimerRow> AddAsync(string workflowId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var row = new TimerRow(Max(SlotOf(due), SlotOf(time.GetUtcNow())), due, workflowId);
        var table = await tables.GetAsync(TableName(row.Slot), cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(row.Partition, row.RowKey) { ["WorkflowId"] = workflowId }, TableUpdateMode.Merge, cancellationToken);
        return row;
    }

    /// <summary>
    /// Deletes rows with one entity-group transaction per table and due minute (up to 100 rows each) instead of a request
    /// per row. A batch fails as a whole if one row is already gone (another runner deleted it), so such a batch is retried
    /// row by row, where a missing row (or table) is not an error.
    /// </summary>
    public async Task DeleteAsync(IReadOnlyCollection<TimerRow> rows, CancellationToken cancellationToken)
    {
        foreach (var partition in rows.GroupBy(row => (row.Slot, row.Partition)))
        {
            var table = tables.GetExisting(TableName(partition.Key.Slot));
            foreach (var chunk in partition.Chunk(100))
            {
                if (chunk.Length == 1)
                {
                    await table.DeleteEntityAsync(chunk[0].Partition, chunk[0].RowKey, cancellationToken: cancellationToken);
                    continue;
                }

                try
                {
                    await table.SubmitTransactionAsync(
                        chunk.Select(row => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(row.Partition, row.RowKey), ETag.All)),
                        cancellationToken);
                }
                catch (RequestFailedException)
                {
                    foreach (var row in chunk)
                    {
                        await table.DeleteEntityAsync(row.Partition, row.RowKey, cancellationToken: cancellationToken);
                    }
                }
            }
        }
    }

    /// <summary>Rows due before <paramref name="before"/>, earliest slot first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<TimerRow>> DueAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        // Overdue rows may sit in any slot up to the current one (and in slots whose rows were left by a stop or crash).
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {TimerRow.FirstPartition} and PartitionKey le {TimerRow.PartitionOf(before)} and RowKey lt {TimerRow.DueKey(before)}");
        var due = new List<TimerRow>();
        foreach (var slot in await SlotsThroughAsync(SlotOf(Max(before, time.GetUtcNow())), cancellationToken))
        {
            try
            {
                await foreach (var row in tables.GetExisting(TableName(slot)).QueryAsync(filter, Math.Min(max, 1000), select: ["RowKey", "WorkflowId"], cancellationToken: cancellationToken))
                {
                    due.Add(new TimerRow(slot, TimerRow.DueOfRowKey(row.RowKey), row.GetString("WorkflowId")!));
                    if (due.Count >= max)
                    {
                        return due;
                    }
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Dropped by another runner since it was listed: it was empty.
            }
        }

        return due;
    }

    /// <summary>Drops the tables of slots that ended more than <see cref="DropAfter"/> ago and hold no row; returns how many.</summary>
    public async Task<int> DropDrainedAsync(CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var slot in await SlotsThroughAsync(SlotOf(time.GetUtcNow() - SlotLength - DropAfter), cancellationToken))
        {
            var name = TableName(slot);
            if (await HasRowsAsync(name, cancellationToken) == false) // rows left by a stop or crash: the poll processes them first
            {
                await tables.DeleteAsync(name, cancellationToken);
                dropped++;
            }
        }

        return dropped;
    }

    public static string TableName(DateTimeOffset slot) => TablePrefix + slot.UtcDateTime.ToString(SlotFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset SlotOf(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % SlotLength.Ticks), TimeSpan.Zero);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>Whether the table holds a row; null when it is gone (another runner dropped it).</summary>
    private async Task<bool?> HasRowsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in tables.GetExisting(name).QueryAsync(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                return true;
            }

            return false;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// The slots up to <paramref name="last"/> that have a table, in order (names that are not a slot's are not this store's).
    /// Later slots are not listed, so a listing costs the same however far ahead wake-ups are scheduled.
    /// </summary>
    private async Task<IReadOnlyList<DateTimeOffset>> SlotsThroughAsync(DateTimeOffset last, CancellationToken cancellationToken)
    {
        var slots = new List<DateTimeOffset>();
        foreach (var name in await tables.ListAsync(TablePrefix, TableName(last), cancellationToken))
        {
            if (DateTime.TryParseExact(name.AsSpan(TablePrefix.Length), SlotFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var slot))
            {
                slots.Add(new DateTimeOffset(slot, TimeSpan.Zero));
            }
        }

        return slots;
    }
}
