using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Carts;

/// <summary>The privacy side of the carts table: everything stored about a customer is found by hashed id, email or phone.</summary>
public sealed partial class TableCartRepository : IPersonalDataHolder
{
    public string Name => "carts";

    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var export = new List<object>();
        foreach (var entity in await RowsOfCustomerAsync(shop, customer, cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey.StartsWith("cart|", StringComparison.Ordinal) || entity.RowKey.StartsWith("checkout|", StringComparison.Ordinal))
            {
                var cart = CartRows.FromEntity(entity).Cart;
                export.Add(new { type = cart.Kind == CartKind.Checkout ? "checkout" : "cart", token = cart.Key, cart.CreatedAt, cart.LastActivityAt, cart.CompletedAt, order = cart.Order?.OrderId, recoveryStartedAt = cart.WorkflowStartedAt, cart.Snapshot });
            }
            else if (entity.RowKey.StartsWith("order|", StringComparison.Ordinal))
            {
                export.Add(new { type = "order", orderId = entity.GetInt64("OrderId"), checkoutToken = entity.GetString("CheckoutToken"), cartToken = entity.GetString("CartToken"), total = entity.GetDouble("Total"), currency = entity.GetString("Currency"), at = entity.GetDateTimeOffset("At") });
            }
        }

        return export;
    }

    public async Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var rows = await RowsOfCustomerAsync(shop, customer, cancellationToken).ConfigureAwait(false);
        await DeleteRowsAsync(shop, rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the orders named by <c>customers/redact</c>'s <c>orders_to_redact</c>.</summary>
    public async Task EraseOrdersAsync(string shop, IEnumerable<long> orderIds, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        foreach (var id in orderIds)
        {
            await table.DeleteEntityAsync(shop, CartRows.OrderKey(id), ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {shop}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity);
        }

        await DeleteRowsAsync(shop, rows, cancellationToken).ConfigureAwait(false);
        await due.RemoveShopAsync(shop, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<TableEntity>> RowsOfCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        if (customer.Id is { } id)
        {
            conditions.Add(TableClient.CreateQueryFilter($"CustomerId eq {id}"));
        }

        if (PersonalDataHash.Email(customer.Email) is { } emailHash)
        {
            conditions.Add(TableClient.CreateQueryFilter($"EmailHash eq {emailHash}"));
        }

        if (PersonalDataHash.Phone(customer.Phone) is { } phoneHash)
        {
            conditions.Add(TableClient.CreateQueryFilter($"PhoneHash eq {phoneHash}"));
        }

        if (conditions.Count == 0)
        {
            return [];
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shop}") + " and (" + string.Join(" or ", conditions) + ")";
        var rows = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity);
        }

        return rows;
    }

    private async Task DeleteRowsAsync(string shop, IEnumerable<TableEntity> rows, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        foreach (var entity in rows)
        {
            if (entity.GetDateTimeOffset("DueAt") is { } dueAt && entity.GetString("Key") is { } key && entity.GetString("Kind") is { } kind)
            {
                await due.RemoveAsync(new DueEntry(dueAt, shop, Enum.Parse<CartKind>(kind), key), cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var chunk in rows.Select(r => r.RowKey).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(shop, rowKey), ETag.All)), cancellationToken).ConfigureAwait(false);
        }
    }
}
