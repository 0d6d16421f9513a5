using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Abandonment;

/// <summary>
/// Carts ordered by the moment they become abandoned (table <c>AbandonmentDue</c>, one partition, row key starting with the
/// due time in ticks), so the scheduler finds what is due with one range query and knows when to wake next. An entry is
/// written before the cart row that points at it and removed after, so a crash leaves at worst a stale entry, which the
/// sweeper discards after fencing the cart row, never a cart that is due without an entry. Every write of an entry gives
/// it a new ETag, and the sweeper removes an entry only at the ETag it listed.
/// </summary>
public sealed class AbandonmentDueIndex(StorageTables tables, AbandonmentWakeup wakeup) : IAbandonmentDueIndex
{
    public const string TableName = "AbandonmentDue";
    private const string Partition = "due";

    public async Task AddAsync(DueEntry entry, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(Partition, RowKey(entry))
        {
            ["DueAt"] = entry.DueAt,
            ["Shop"] = entry.Shop,
            ["Kind"] = entry.Kind.ToString(),
            ["Key"] = entry.Key,
        };
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        wakeup.Notify(entry.DueAt);
    }

    public async Task<bool> RemoveAsync(DueEntry entry, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(Partition, RowKey(entry), entry.Version is { } version ? new ETag(version) : ETag.All, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false; // rewritten since it was listed: a writer wants it, so it stays
        }
    }

    /// <summary>Entries due at or before <paramref name="now"/>, earliest first.</summary>
    public async Task<IReadOnlyList<DueEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var upper = Ticks(now.AddTicks(1));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {upper}");
        var due = new List<DueEntry>();
        await foreach (var entity in table.QueryAsync(filter, maxPerPage: Math.Min(max, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            due.Add(FromEntity(entity));
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    /// <summary>The earliest due time in the index, or null when it is empty.</summary>
    public async Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var entity in table.QueryAsync(filter, maxPerPage: 1, select: ["DueAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return entity.GetDateTimeOffset("DueAt");
        }

        return null;
    }

    public async Task RemoveShopAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Shop eq {shop}");
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync(filter, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity.RowKey);
        }

        foreach (var chunk in rows.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, r), ETag.All)), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string RowKey(DueEntry entry) =>
        $"{Ticks(entry.DueAt)}|{KeyEscaping.Escape(entry.Shop)}|{(entry.Kind == CartKind.Cart ? "cart" : "checkout")}|{KeyEscaping.Escape(entry.Key)}";

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static DueEntry FromEntity(TableEntity entity) => new(
        entity.GetDateTimeOffset("DueAt")!.Value,
        entity.GetString("Shop")!,
        Enum.Parse<CartKind>(entity.GetString("Kind")!),
        entity.GetString("Key")!,
        entity.ETag.ToString());
}
