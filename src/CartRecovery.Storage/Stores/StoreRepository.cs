using System.Collections.Concurrent;
using Azure;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Stores;

/// <summary>
/// Stores (table <c>Stores</c>, partition <c>store</c>, row = shop domain): recorded on first contact, marked uninstalled
/// by <c>app/uninstalled</c> (their work stops), erased by <c>shop/redact</c>. (A store's settings, its abandonment
/// threshold among them, belong to the recovery settings: <see cref="Abandonment.StoreAbandonmentThresholds"/>.)
/// Known stores are cached in memory so recording contact costs no write per webhook.
/// </summary>
public sealed class StoreRepository(StorageTables tables)
{
    public const string TableName = "Stores";
    private const string Partition = "store";
    private readonly ConcurrentDictionary<string, StoreRecord> cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<StoreRecord?> GetAsync(string shop, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(shop, out var cached))
        {
            return cached;
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityIfExistsAsync(Partition, shop, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : cache[shop] = FromEntity(entity);
    }

    /// <summary>
    /// Records that the store sent an event triggered at <paramref name="triggeredAt"/>. False when the store was uninstalled
    /// after that moment (a late retry): the event must be ignored. An event triggered after the uninstall means a reinstall.
    /// </summary>
    public async Task<bool> RecordContactAsync(string shop, DateTimeOffset triggeredAt, CancellationToken cancellationToken)
    {
        var store = await GetAsync(shop, cancellationToken).ConfigureAwait(false);
        if (store is { UninstalledAt: null })
        {
            return true;
        }

        if (store is { UninstalledAt: { } uninstalledAt } && triggeredAt <= uninstalledAt)
        {
            return false;
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var record = new StoreRecord(shop, store?.FirstSeenAt ?? triggeredAt, null);
        await table.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        cache[shop] = record;
        return true;
    }

    public async Task MarkUninstalledAsync(string shop, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var store = await GetAsync(shop, cancellationToken).ConfigureAwait(false);
        var record = new StoreRecord(shop, store?.FirstSeenAt ?? at, at);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        cache[shop] = record;
    }

    public async Task<bool> IsActiveAsync(string shop, CancellationToken cancellationToken) =>
        (await GetAsync(shop, cancellationToken).ConfigureAwait(false))?.IsActive ?? true;

    public async Task EraseAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(Partition, shop, ETag.All, cancellationToken).ConfigureAwait(false);
        cache.TryRemove(shop, out _);
    }

    private static TableEntity ToEntity(StoreRecord record) => new(Partition, record.Shop)
    {
        ["FirstSeenAt"] = record.FirstSeenAt,
        ["UninstalledAt"] = record.UninstalledAt,
    };

    private static StoreRecord FromEntity(TableEntity entity) => new(
        entity.RowKey,
        entity.GetDateTimeOffset("FirstSeenAt") ?? entity.Timestamp ?? DateTimeOffset.UnixEpoch,
        entity.GetDateTimeOffset("UninstalledAt"));
}
