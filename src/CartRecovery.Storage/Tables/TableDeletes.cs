using Azure.Data.Tables;

namespace CartRecovery.Storage.Tables;

/// <summary>Deletes for privacy erasure: every row a filter matches, or a shop's whole partition.</summary>
internal static class TableDeletes
{
    public static async Task DeleteWhereAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var rows = await table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
        }
    }

    public static Task DeleteShopAsync(TableClient table, string shop, CancellationToken cancellationToken) =>
        DeleteWhereAsync(table, TableClient.CreateQueryFilter($"PartitionKey eq {shop}"), cancellationToken);
}
