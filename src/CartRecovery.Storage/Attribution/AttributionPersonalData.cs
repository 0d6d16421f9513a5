using Azure.Data.Tables;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Privacy;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Attribution;

/// <summary>
/// A shopper's recoveries and touches in the <c>Attribution</c> table for the privacy webhooks. The shopper is stored only as
/// a hashed key, which still singles them out, so erasure deletes each of their recoveries with its token, code and touch
/// rows. Attributed orders carry no shopper key and stay: they are the shop's revenue figures.
/// </summary>
public sealed class AttributionPersonalData(StorageTables tables) : IPersonalDataHolder
{
    public string Name => "attribution";

    public async Task<IReadOnlyList<object>> ExportCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var held = await FindAsync(shop, customer, cancellationToken);
        return [.. held.Recoveries.Select(r => (object)new { Recovery = r.RecoveryId, r.StartedAt, r.Variant }),
            .. held.Touches.Select(t => (object)new { Recovery = t.RecoveryId, t.StepId, t.Channel, t.Kind, t.At })];
    }

    public async Task EraseCustomerAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var held = await FindAsync(shop, customer, cancellationToken);
        var table = await tables.GetAsync(TableAttributionRepository.TableName, cancellationToken);
        foreach (var rowKey in held.Rows)
        {
            await table.DeleteEntityAsync(shop, rowKey, cancellationToken: cancellationToken);
        }
    }

    public async Task EraseShopAsync(string shop, CancellationToken cancellationToken) =>
        await TableDeletes.DeleteShopAsync(await tables.GetAsync(TableAttributionRepository.TableName, cancellationToken), shop, cancellationToken);

    /// <summary>One pass over the shop's partition: a privacy request is rare, and lookups point at recoveries only by id.</summary>
    private async Task<Held> FindAsync(string shop, CustomerRef customer, CancellationToken cancellationToken)
    {
        var hashed = CustomerKeys.Of(customer).Select(k => AttributionKeys.Customer(k)!).ToHashSet(StringComparer.Ordinal);
        var table = await tables.GetAsync(TableAttributionRepository.TableName, cancellationToken);
        var all = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {shop}"), cancellationToken: cancellationToken).ToListAsync(cancellationToken);
        var recoveries = all.Where(r => r.RowKey.StartsWith("rec|", StringComparison.Ordinal))
            .Select(r => AttributionJson.Read<RecoveryLink>(r.GetString("Json")))
            .Where(r => r.CustomerKey is { } key && hashed.Contains(key))
            .ToList();
        var ids = recoveries.Select(r => r.RecoveryId).ToHashSet(StringComparer.Ordinal);
        var touchRows = all.Where(r => r.RowKey.StartsWith("tr|", StringComparison.Ordinal) || r.RowKey.StartsWith("tc|", StringComparison.Ordinal))
            .Select(r => (r.RowKey, Touch: AttributionJson.Read<Touch>(r.GetString("Json"))))
            .Where(t => ids.Contains(t.Touch.RecoveryId) || (t.Touch.CustomerKey is { } key && hashed.Contains(key)))
            .ToList();
        var rows = recoveries.Select(r => AttributionKeys.Recovery(r.RecoveryId))
            .Concat(all.Where(r => r.GetString("RecoveryId") is { } id && ids.Contains(id)).Select(r => r.RowKey))
            .Concat(touchRows.Select(t => t.RowKey))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var touches = touchRows.Select(t => t.Touch).Distinct().ToList(); // a touch is stored twice: by recovery and by shopper
        return new Held(recoveries, touches, rows);
    }

    private sealed record Held(IReadOnlyList<RecoveryLink> Recoveries, IReadOnlyList<Touch> Touches, IReadOnlyList<string> Rows);
}
