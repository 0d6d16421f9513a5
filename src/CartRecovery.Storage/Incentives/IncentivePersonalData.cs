using Azure.Data.Tables;
using CartRecovery.Core.Incentives;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Privacy;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Incentives;

/// <summary>The codes given to a customer (table <c>IncentiveCodes</c>, found by the issuer's customer hash) for the privacy webhooks.</summary>
public sealed class IncentivePersonalData(StorageTables tables) : IPersonalDataHolder
{
    public string Name => "incentiveCodes";

    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableIncentiveLedger.TableName, cancellationToken);
        var rows = new List<object>();
        foreach (var filter in Filters(shop, customer))
        {
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                rows.Add(new
                {
                    Code = e.GetString("Code"),
                    Kind = e.GetString("Kind"),
                    Value = e.GetDouble("Value"),
                    IssuedAt = e.GetDateTimeOffset("IssuedAt"),
                    ExpiresAt = e.GetDateTimeOffset("ExpiresAt"),
                });
            }
        }

        return rows;
    }

    public async Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableIncentiveLedger.TableName, cancellationToken);
        foreach (var filter in Filters(shop, customer))
        {
            await TableDeletes.DeleteWhereAsync(table, filter, cancellationToken);
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken) =>
        await TableDeletes.DeleteShopAsync(await tables.GetAsync(TableIncentiveLedger.TableName, cancellationToken), shop, cancellationToken);

    private static IEnumerable<string> Filters(string shop, CustomerRef customer) =>
        CustomerKeys.Of(customer).Select(key => TableClient.CreateQueryFilter($"PartitionKey eq {shop} and CustomerHash eq {IncentiveCustomerHash.Of(shop, key)}"));
}
