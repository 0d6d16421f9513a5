using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Shops;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Stores;

/// <summary>
/// Stores (table <c>Stores</c>, partition <c>store</c>, row = shop domain): recorded on first contact, marked uninstalled
/// by <c>app/uninstalled</c> (their work stops), erased by <c>shop/redact</c>. (A store's settings, its abandonment
/// threshold among them, belong to the recovery settings: <see cref="Abandonment.StoreAbandonmentThresholds"/>.)
/// Known stores are cached in memory for <see cref="CacheFor"/> so recording contact costs no storage round trip per
/// webhook, while an uninstall recorded by another node is seen within that time.
/// </summary>
public sealed class StoreRepository(StorageTables tables) : IShopInstallations
{
    public const string TableName = "Stores";
    private const string Partition = "store";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (StoreRecord Record, long ReadAt)> cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<StoreRecord?> GetAsync(string shop, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64; // a cache lifetime in real time, not business time
        if (cache.TryGetValue(shop, out var cached) && now - cached.ReadAt < CacheFor.TotalMilliseconds)
        {
            return cached.Record;
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityIfExistsAsync(Partition, shop, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            cache.TryRemove(shop, out _);
            return null;
        }

        var record = FromEntity(entity);
        cache[shop] = (record, now);
        return record;
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
        cache[shop] = (record, Environment.TickCount64);
        return true;
    }

    public async Task MarkUninstalledAsync(string shop, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var store = await GetAsync(shop, cancellationToken).ConfigureAwait(false);
        var record = new StoreRecord(shop, store?.FirstSeenAt ?? at, at);
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(ToEntity(record), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        cache[shop] = (record, Environment.TickCount64);
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
