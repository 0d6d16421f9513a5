using Azure.Data.Tables;
using CartRecovery.Core.Reconciliation;
using CartRecovery.Storage.Shops;

namespace CartRecovery.Storage.Admin;

/// <summary>
/// Watermarks in a small table of their own (<c>Reconciliation</c>, one row per shop), so the shop row's writers never
/// race with them; the installed shops are the rows of <c>Shops</c> without an uninstall time.
/// </summary>
public sealed class TableReconciliationState(StorageTables tables) : IReconciliationState
{
    public const string TableName = "Reconciliation";
    private const string RowKey = "state";
    private static readonly string[] InstallColumns = ["PartitionKey", "UninstalledAt"];

    public async Task<IReadOnlyList<string>> InstalledShopsAsync(CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableShopRepository.TableName, cancellationToken).ConfigureAwait(false);
        var shops = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>($"RowKey eq '{TableShopRepository.RowKey}'", select: InstallColumns, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset("UninstalledAt") is null)
            {
                shops.Add(row.PartitionKey);
            }
        }

        return shops;
    }

    public async Task<ShopReconciliationState> GetAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(shop, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue && row.Value is { } entity
            ? new ShopReconciliationState(entity.GetDateTimeOffset("Watermark"), entity.GetString("SkippedReason"), entity.GetDateTimeOffset("SkippedAt"))
            : new ShopReconciliationState(null, null, null);
    }

    public async Task AdvanceAsync(string shop, DateTimeOffset watermark, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var current = await GetAsync(shop, cancellationToken).ConfigureAwait(false);
        if (current.Watermark >= watermark)
        {
            return; // a slower concurrent run never moves the watermark back
        }

        // Replace: a successful run clears the last skip reason.
        await table.UpsertEntityAsync(new TableEntity(shop, RowKey) { ["Watermark"] = watermark }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordSkippedAsync(string shop, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(new TableEntity(shop, RowKey) { ["SkippedReason"] = reason, ["SkippedAt"] = at }, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }
}
