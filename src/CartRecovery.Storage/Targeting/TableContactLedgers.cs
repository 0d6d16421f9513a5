using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Targeting.Caps;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Targeting;

/// <summary>
/// Each customer's recent recovery messages in table <c>ContactLedger</c>: partition = shop, row = a hash of the customer
/// key (no address or id in the clear), column <c>Entries</c> = the messages as JSON. A new customer's row is inserted
/// (insert-if-absent: a second insert fails with 409), a known one replaced on its ETag (a stale write fails with 412),
/// so of two recoveries reserving at once exactly one succeeds and the other re-reads.
/// </summary>
public sealed class TableContactLedgers(StorageTables tables) : IContactLedgers
{
    public const string TableName = "ContactLedger";

    public async Task<ContactLedger> ReadAsync(string shop, string customer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(shop, Row(customer), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return ContactLedger.Empty;
        }

        var entries = entity.GetString("Entries") is { } json ? JsonSerializer.Deserialize<List<ContactEntry>>(json, WorkflowJson.Options) ?? [] : [];
        return new ContactLedger(entries, entity.ETag.ToString());
    }

    public async Task<bool> TryWriteAsync(string shop, string customer, ContactLedger read, IReadOnlyList<ContactEntry> entries, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(shop, Row(customer)) { ["Entries"] = JsonSerializer.Serialize(entries, WorkflowJson.Options) };
        try
        {
            if (read.Version is null)
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(entity, new ETag(read.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.IsLostRace())
        {
            return false;
        }
    }

    private static string Row(string customer) => PersonalDataHash.Of(customer);
}
