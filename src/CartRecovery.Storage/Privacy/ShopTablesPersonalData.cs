using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Privacy;

/// <summary>
/// Tables that hold a shop's aggregates and settings but nothing about a single shopper (analytics rollups, eligibility
/// counts, experiments, reconciliation watermarks; one partition per shop): a customer has nothing to export or erase
/// there, and <c>shop/redact</c> deletes the shop's partition.
/// </summary>
public sealed class ShopTablesPersonalData(StorageTables tables, string name, IReadOnlyList<string> tableNames) : IPersonalDataHolder
{
    public string Name => name;

    public Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<object>>([]);

    public Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken)
    {
        foreach (var tableName in tableNames)
        {
            await TableDeletes.DeleteShopAsync(await tables.GetAsync(tableName, cancellationToken), shop, cancellationToken);
        }
    }
}
