using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Push;

/// <summary>
/// Web Push subscriptions (table <c>PushSubscriptions</c>, one partition per shop), reachable by cart token (<c>c-</c> rows)
/// and by customer key (<c>u-</c> rows). The customer key holds an email for guests, so erasure deletes those rows.
/// </summary>
public sealed class TablePushSubscriptions(StorageTables tables) : IPushSubscriptions, IPersonalDataHolder
{
    public const string TableName = "PushSubscriptions";

    public string Name => "pushSubscriptions";

    public async Task<PushSubscription?> FindAsync(string shop, string? cartToken, string? customerKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        foreach (var row in Rows(cartToken, customerKey))
        {
            var entity = await table.GetEntityIfExistsAsync(shop, row, cancellationToken: cancellationToken);
            if (entity?.GetString("Endpoint") is { } endpoint && entity.GetString("P256dh") is { } p256dh && entity.GetString("Auth") is { } auth)
            {
                return new PushSubscription(endpoint, p256dh, auth);
            }
        }

        return null;
    }

    public async Task SaveAsync(string shop, string? cartToken, string? customerKey, PushSubscription subscription, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        foreach (var row in Rows(cartToken, customerKey))
        {
            await table.UpsertEntityAsync(
                new TableEntity(shop, row)
                {
                    ["Endpoint"] = subscription.Endpoint,
                    ["P256dh"] = subscription.P256dh,
                    ["Auth"] = subscription.Auth,
                    ["CustomerKey"] = customerKey,
                    ["UpdatedAt"] = at,
                },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    public async Task RemoveAsync(string shop, string endpoint, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {shop} and Endpoint eq {endpoint}"), cancellationToken);
    }

    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var rows = new List<object>();
        foreach (var key in CustomerKeys(customer))
        {
            await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {shop} and CustomerKey eq {key}"), cancellationToken: cancellationToken))
            {
                rows.Add(new { Endpoint = entity.GetString("Endpoint"), UpdatedAt = entity.GetDateTimeOffset("UpdatedAt") });
            }
        }

        return rows;
    }

    public async Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        foreach (var key in CustomerKeys(customer))
        {
            await DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {shop} and CustomerKey eq {key}"), cancellationToken);
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {shop}"), cancellationToken);
    }

    private static IEnumerable<string> CustomerKeys(CustomerRef customer) =>
        new[] { Core.Carts.CustomerKey.From(customer.Id, null), Core.Carts.CustomerKey.From(null, customer.Email) }.OfType<string>();

    private static async Task DeleteWhereAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = await table.QueryAsync(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        }
    }

    private static IEnumerable<string> Rows(string? cartToken, string? customerKey)
    {
        if (!string.IsNullOrEmpty(cartToken))
        {
            yield return "c-" + Hash(cartToken);
        }

        if (!string.IsNullOrEmpty(customerKey))
        {
            yield return "u-" + Hash(customerKey);
        }
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..48];
}
