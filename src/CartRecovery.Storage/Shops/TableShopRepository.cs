using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Targeting.Rules;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Shops;

/// <summary>
/// The shops in one table, <c>Shops</c>: one row per shop (partition = shop domain, row <c>shop</c>) holding every part of it,
/// each in its own column: <c>FirstSeenAt</c>/<c>UninstalledAt</c> (install state), <c>Profile</c>, <c>Recovery</c> and <c>ContactRules</c>
/// (typed records as JSON; absent = the seed or default). A change reads the row, changes its one part and writes the row
/// back on its ETag (a lost race re-reads), so concurrent changes of different parts never overwrite each other.
/// Reads are cached per shop for <see cref="CacheFor"/> (a burst of webhooks or abandonments reads once); a change through
/// this instance updates its cache at once, another process sees it within that time.
/// </summary>
public sealed class TableShopRepository(StorageTables tables, ShopSeeds seeds, RecoverySettings defaultSettings) : IShopRepository
{
    public const string TableName = "Shops";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    internal const string RowKey = "shop";
    private const int MaxRaces = 8;
    private readonly ConcurrentDictionary<string, (Shop Shop, long ReadAt)> cache = new(StringComparer.OrdinalIgnoreCase);

    public async Task<Shop> GetAsync(string shop, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64; // a cache lifetime in real time, not business time
        if (cache.TryGetValue(shop, out var cached) && now - cached.ReadAt < CacheFor.TotalMilliseconds)
        {
            return cached.Shop;
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync(shop, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return Remember(shop, row);
    }

    public async Task<bool> RecordContactAsync(string shop, DateTimeOffset triggeredAt, CancellationToken cancellationToken)
    {
        // The common case, a known active shop, costs no storage round trip while cached.
        var (accepted, changed) = (await GetAsync(shop, cancellationToken).ConfigureAwait(false)).Install.Contact(triggeredAt);
        if (changed is null)
        {
            return accepted;
        }

        var result = true;
        await ChangeAsync(shop, row =>
        {
            var (ok, next) = InstallOf(row).Contact(triggeredAt);
            result = ok;
            return next is not null && WriteInstall(row, next);
        }, cancellationToken).ConfigureAwait(false);
        return result;
    }

    public Task MarkUninstalledAsync(string shop, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(shop, row => WriteInstall(row, InstallOf(row).Uninstalled(at)), cancellationToken);

    public Task SaveProfileAsync(ShopProfile profile, CancellationToken cancellationToken) =>
        ChangeAsync(profile.Shop, row =>
        {
            row["Profile"] = JsonSerializer.Serialize(profile, WorkflowJson.Options);
            return true;
        }, cancellationToken);

    public Task SaveRecoverySettingsAsync(string shop, RecoverySettings settings, CancellationToken cancellationToken) =>
        ChangeAsync(shop, row =>
        {
            row["Recovery"] = JsonSerializer.Serialize(settings, WorkflowJson.Options);
            return true;
        }, cancellationToken);

    public Task SaveContactRulesAsync(string shop, ShopContactRules rules, CancellationToken cancellationToken) =>
        ChangeAsync(shop, row =>
        {
            row["ContactRules"] = JsonSerializer.Serialize(rules, WorkflowJson.Options);
            return true;
        }, cancellationToken);

    public async Task EraseAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.DeleteEntityAsync(shop, RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        cache.TryRemove(shop, out _);
    }

    /// <summary>Reads the row, lets <paramref name="change"/> change its part (false: nothing to write), writes it back on its ETag.</summary>
    private async Task ChangeAsync(string shop, Func<TableEntity, bool> change, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        for (var race = 0; ; race++)
        {
            var existing = await table.GetEntityIfExistsAsync(shop, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            var row = existing ?? new TableEntity(shop, RowKey);
            if (!change(row))
            {
                Remember(shop, existing);
                return;
            }

            try
            {
                row.ETag = (existing is null
                    ? await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false)
                    : await table.UpdateEntityAsync(row, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)).NewETag();
                Remember(shop, row);
                return;
            }
            catch (RequestFailedException e) when (e.IsLostRace() && race < MaxRaces)
            {
                // Another writer changed the row (another part, or the same): re-read and apply the change to what is there now.
            }
        }
    }

    private Shop Remember(string shop, TableEntity? row)
    {
        var read = ToShop(shop, row);
        if (row is null)
        {
            cache.TryRemove(shop, out _);
        }
        else
        {
            cache[shop] = (read, Environment.TickCount64);
        }

        return read;
    }

    private Shop ToShop(string shop, TableEntity? row) => new(
        shop,
        row is null ? ShopInstall.Unknown : InstallOf(row),
        row?.GetString("Profile") is { } profile ? JsonSerializer.Deserialize<ShopProfile>(profile, WorkflowJson.Options) ?? seeds.ProfileFor(shop) : seeds.ProfileFor(shop),
        row?.GetString("Recovery") is { } recovery ? JsonSerializer.Deserialize<RecoverySettings>(recovery, WorkflowJson.Options) ?? defaultSettings : defaultSettings)
    {
        ContactRules = row?.GetString("ContactRules") is { } rules ? JsonSerializer.Deserialize<ShopContactRules>(rules, WorkflowJson.Options) ?? ShopContactRules.Default : ShopContactRules.Default,
    };

    private static ShopInstall InstallOf(TableEntity row) => new(row.GetDateTimeOffset("FirstSeenAt"), row.GetDateTimeOffset("UninstalledAt"));

    private static bool WriteInstall(TableEntity row, ShopInstall install)
    {
        row["FirstSeenAt"] = install.FirstSeenAt;
        row["UninstalledAt"] = install.UninstalledAt; // null removes the column on the Replace: a reinstall
        return true;
    }
}
