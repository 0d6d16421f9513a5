using Azure.Data.Tables;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Consent;

/// <summary>
/// The suppression list on Table Storage (table <c>Suppressions</c>): one row per store and normalised address (partition:
/// the shop; row: a hash of the address), with one reason column per channel plus <c>all</c>. A check is one point read.
/// Erasing a customer removes the readable address but keeps the hashed row, so their opt-out is still honoured.
/// </summary>
public sealed class TableSuppressionList(StorageTables tables, TimeProvider time) : ISuppressionList, IPersonalDataHolder
{
    public const string TableName = "Suppressions";
    private const string AllScope = "all";

    public string Name => "suppressions";

    public async Task<string?> FindAsync(string shop, Channel channel, string address, CancellationToken cancellationToken)
    {
        if (ContactAddress.From(channel, address) is not { } normalised)
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync(Partition(shop), normalised.Key, cancellationToken: cancellationToken);
        return row?.GetString(ReasonColumn(AllScope)) ?? row?.GetString(ReasonColumn(Scope(channel)));
    }

    public async Task AddAsync(string shop, Channel? channel, string address, string reason, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var normalised = ContactAddress.From(channel, address) ?? throw new ArgumentException("The address is empty.", nameof(address));
        var scope = channel is { } c ? Scope(c) : AllScope;
        var entity = new TableEntity(Partition(shop), normalised.Key)
        {
            ["Kind"] = normalised.Kind,
            ["Address"] = normalised.Value,
            [ReasonColumn(scope)] = reason,
            [$"At_{scope}"] = at,
        };
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var records = new List<object>();
        foreach (var address in AddressesOf(customer))
        {
            var row = await table.GetEntityIfExistsAsync(Partition(shop), address.Key, cancellationToken: cancellationToken);
            if (row is not null)
            {
                records.Add(new SuppressionRecord(
                    address.Kind,
                    address.Value,
                    row.Keys.Where(k => k.StartsWith("Reason_", StringComparison.Ordinal))
                        .ToDictionary(k => k["Reason_".Length..], k => row.GetString(k) ?? string.Empty),
                    row.Timestamp));
            }
        }

        return records;
    }

    public async Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        foreach (var address in AddressesOf(customer))
        {
            var row = await table.GetEntityIfExistsAsync(Partition(shop), address.Key, cancellationToken: cancellationToken);
            if (row is null)
            {
                continue;
            }

            row.Remove("Address");
            row["ErasedAt"] = time.GetUtcNow();
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var batch = new List<TableTransactionAction>(100);
        await foreach (var row in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(shop)}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row));
            if (batch.Count == 100)
            {
                await table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    private static IEnumerable<ContactAddress> AddressesOf(CustomerRef customer)
    {
        if (ContactAddress.Email(customer.Email) is { } email)
        {
            yield return email;
        }

        if (ContactAddress.Phone(customer.Phone) is { } phone)
        {
            yield return phone;
        }
    }

    private static string Partition(string shop) => shop.Trim().ToLowerInvariant();

    private static string Scope(Channel channel) => channel.ToString().ToLowerInvariant();

    private static string ReasonColumn(string scope) => $"Reason_{scope}";
}
