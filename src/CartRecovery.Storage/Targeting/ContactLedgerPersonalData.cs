using System.Text.Json;
using Azure.Data.Tables;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Targeting.Caps;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage.Privacy;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Targeting;

/// <summary>A customer's frequency-cap reservations (table <c>ContactLedger</c>, one row per hashed customer key) for the privacy webhooks.</summary>
public sealed class ContactLedgerPersonalData(StorageTables tables) : IPersonalDataHolder
{
    public string Name => "contactLedger";

    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableContactLedgers.TableName, cancellationToken);
        var rows = new List<object>();
        foreach (var key in CustomerKeys.Of(customer))
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(shop, PersonalDataHash.Of(key), cancellationToken: cancellationToken);
            if (row.HasValue && row.Value?.GetString("Entries") is { } json)
            {
                rows.AddRange(JsonSerializer.Deserialize<List<ContactEntry>>(json, WorkflowJson.Options) ?? []);
            }
        }

        return rows;
    }

    public async Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableContactLedgers.TableName, cancellationToken);
        foreach (var key in CustomerKeys.Of(customer))
        {
            await table.DeleteEntityAsync(shop, PersonalDataHash.Of(key), cancellationToken: cancellationToken); // absent rows: 404 is not an error here
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken) =>
        await TableDeletes.DeleteShopAsync(await tables.GetAsync(TableContactLedgers.TableName, cancellationToken), shop, cancellationToken);
}
