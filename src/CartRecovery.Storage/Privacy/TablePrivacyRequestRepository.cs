using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Privacy;

/// <summary>
/// Data requests and their exports (table <c>PrivacyRequests</c>, partition = shop, row = request id). An export is personal
/// data too, so this repository is itself a holder: a later redaction of the customer or the shop erases it.
/// </summary>
public sealed class TablePrivacyRequestRepository(StorageTables tables) : IPrivacyRequestRepository, IPersonalDataHolder
{
    public const string TableName = "PrivacyRequests";

    public string Name => "privacyRequests";

    public async Task SaveAsync(string shop, PrivacyRequestSummary request, CustomerRef customer, ReadOnlyMemory<byte> exportJson, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(shop, KeyEscaping.Escape(request.Id))
        {
            ["RequestId"] = request.Id,
            ["ReceivedAt"] = request.ReceivedAt,
            ["CustomerId"] = customer.Id,
            ["EmailHash"] = PersonalDataHash.Email(customer.Email),
            ["PhoneHash"] = PersonalDataHash.Phone(customer.Phone),
            ["OrdersRequested"] = string.Join(',', request.OrdersRequested),
            ["Records"] = request.Records,
        };
        if (!ChunkedProperties.TryWrite(entity, "Export", exportJson.Span))
        {
            throw new InvalidOperationException("The export is too large for one entity.");
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PrivacyRequestSummary>> ListAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var list = new List<PrivacyRequestSummary>();
        await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {shop}"), select: ["RequestId", "ReceivedAt", "CustomerId", "OrdersRequested", "Records"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            list.Add(new PrivacyRequestSummary(
                entity.GetString("RequestId")!,
                entity.GetDateTimeOffset("ReceivedAt")!.Value,
                entity.GetInt64("CustomerId"),
                (entity.GetString("OrdersRequested") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(o => long.Parse(o, CultureInfo.InvariantCulture)).ToList(),
                entity.GetInt32("Records") ?? 0));
        }

        return list.OrderByDescending(r => r.ReceivedAt).ToList();
    }

    public async Task<byte[]?> GetExportAsync(string shop, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityIfExistsAsync(shop, KeyEscaping.Escape(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ChunkedProperties.Read(entity, "Export");
    }

    /// <summary>Only that the requests exist: their exports are the data itself, already in the other sections.</summary>
    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken) =>
        (await RowsOfCustomerAsync(shop, customer, cancellationToken).ConfigureAwait(false))
            .Select(e => (object)new { requestId = e.GetString("RequestId"), receivedAt = e.GetDateTimeOffset("ReceivedAt") })
            .ToList();

    public async Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        foreach (var entity in await RowsOfCustomerAsync(shop, customer, cancellationToken).ConfigureAwait(false))
        {
            await table.DeleteEntityAsync(shop, entity.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rows = new List<string>();
        await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {shop}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity.RowKey);
        }

        foreach (var row in rows)
        {
            await table.DeleteEntityAsync(shop, row, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<TableEntity>> RowsOfCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var conditions = new List<string>();
        if (customer.Id is { } id)
        {
            conditions.Add(TableClient.CreateQueryFilter($"CustomerId eq {id}"));
        }

        if (PersonalDataHash.Email(customer.Email) is { } email)
        {
            conditions.Add(TableClient.CreateQueryFilter($"EmailHash eq {email}"));
        }

        if (PersonalDataHash.Phone(customer.Phone) is { } phone)
        {
            conditions.Add(TableClient.CreateQueryFilter($"PhoneHash eq {phone}"));
        }

        if (conditions.Count == 0)
        {
            return [];
        }

        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shop}") + " and (" + string.Join(" or ", conditions) + ")";
        await foreach (var entity in table.QueryAsync(filter, select: ["RowKey", "RequestId", "ReceivedAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(entity);
        }

        return rows;
    }
}
