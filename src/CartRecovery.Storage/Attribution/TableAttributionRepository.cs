using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Attribution;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Attribution;

/// <summary>
/// <see cref="IAttributionRepository"/> on the <c>Attribution</c> table, one partition per shop: recoveries with their token and
/// code lookups, touches indexed twice (by recovery and by hashed shopper), attributed orders, and one row per applied
/// refund or cancellation, written in the same transaction as the order it changes so a repeat changes nothing.
/// </summary>
public sealed class TableAttributionRepository(StorageTables tables) : IAttributionRepository
{
    public const string TableName = "Attribution";
    private const int MaxWriteAttempts = 8;

    public async Task RecordRecoveryAsync(RecoveryLink recovery, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var stored = recovery with { CustomerKey = AttributionKeys.Customer(recovery.CustomerKey) };
        await AddIfAbsentAsync(table, new TableEntity(recovery.Shop, AttributionKeys.Recovery(recovery.RecoveryId)) { ["Json"] = AttributionJson.Write(stored) }, cancellationToken);
        foreach (var (route, key) in new[] { (MatchRoute.CheckoutToken, recovery.CheckoutToken), (MatchRoute.CartToken, recovery.CartToken) })
        {
            if (!string.IsNullOrWhiteSpace(key))
            {
                // The newest recovery of a token wins: a cart abandoned again after its first recovery ended is a new recovery.
                await table.UpsertEntityAsync(new TableEntity(recovery.Shop, AttributionKeys.Lookup(route, key)) { ["RecoveryId"] = recovery.RecoveryId }, TableUpdateMode.Replace, cancellationToken);
            }
        }
    }

    public async Task<RecoveryLink?> GetRecoveryAsync(string shop, string recoveryId, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var row = await table.GetEntityIfExistsAsync(shop, AttributionKeys.Recovery(recoveryId), cancellationToken: cancellationToken);
        return row?.GetString("Json") is { } json ? AttributionJson.Read<RecoveryLink>(json) : null;
    }

    public async Task RecordDiscountCodeAsync(string shop, string recoveryId, string code, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(shop, AttributionKeys.Lookup(MatchRoute.DiscountCode, code)) { ["RecoveryId"] = recoveryId }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<RecoveryLink?> FindRecoveryAsync(string shop, MatchRoute route, string key, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var pointer = await table.GetEntityIfExistsAsync(shop, AttributionKeys.Lookup(route, key), cancellationToken: cancellationToken);
        return pointer?.GetString("RecoveryId") is { } id ? await GetRecoveryAsync(shop, id, cancellationToken) : null;
    }

    public async Task RecordTouchAsync(Touch touch, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var customer = AttributionKeys.Customer(touch.CustomerKey);
        var json = AttributionJson.Write(touch with { CustomerKey = customer });
        var suffix = AttributionKeys.TouchSuffix(touch);
        await table.UpsertEntityAsync(new TableEntity(touch.Shop, AttributionKeys.RecoveryTouches(touch.RecoveryId) + suffix) { ["Json"] = json }, TableUpdateMode.Replace, cancellationToken);
        if (customer is not null)
        {
            await table.UpsertEntityAsync(new TableEntity(touch.Shop, AttributionKeys.CustomerTouches(customer) + suffix) { ["Json"] = json }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    public Task<IReadOnlyList<Touch>> TouchesOfRecoveryAsync(string shop, string recoveryId, CancellationToken cancellationToken) =>
        TouchesAsync(shop, AttributionKeys.RecoveryTouches(recoveryId), string.Empty, cancellationToken);

    public Task<IReadOnlyList<Touch>> TouchesOfCustomerAsync(string shop, string customerKey, DateTimeOffset since, CancellationToken cancellationToken) =>
        TouchesAsync(shop, AttributionKeys.CustomerTouches(AttributionKeys.Customer(customerKey)!), AttributionKeys.Ticks(since), cancellationToken);

    public async Task<OrderAttribution?> GetOrderAsync(string shop, string orderId, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var row = await table.GetEntityIfExistsAsync(shop, AttributionKeys.Order(orderId), cancellationToken: cancellationToken);
        return row?.GetString("Json") is { } json ? AttributionJson.Read<OrderAttribution>(json) : null;
    }

    public async Task<OrderAttribution> AddOrderAsync(OrderAttribution attribution, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var added = await AddIfAbsentAsync(table, new TableEntity(attribution.Shop, AttributionKeys.Order(attribution.OrderId)) { ["Json"] = AttributionJson.Write(attribution) }, cancellationToken);
        return added ? attribution : await GetOrderAsync(attribution.Shop, attribution.OrderId, cancellationToken) ?? attribution;
    }

    public async Task<RevenueAdjustment?> AdjustOrderAsync(string shop, string orderId, string adjustmentId, Func<OrderAttribution, OrderAttribution> change, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync(shop, AttributionKeys.Order(orderId), cancellationToken: cancellationToken);
            if (row?.GetString("Json") is not { } json)
            {
                return null;
            }

            var before = AttributionJson.Read<OrderAttribution>(json);
            if (await table.GetEntityIfExistsAsync(shop, AttributionKeys.Adjustment(orderId, adjustmentId), cancellationToken: cancellationToken) is { } done)
            {
                return new RevenueAdjustment(before, adjustmentId, decimal.Parse(done.GetString("NetChange") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
            }

            var after = change(before);
            var netChange = after.NetRevenue - before.NetRevenue;
            var updated = new TableEntity(shop, row.RowKey) { ["Json"] = AttributionJson.Write(after), ETag = row.ETag };
            var marker = new TableEntity(shop, AttributionKeys.Adjustment(orderId, adjustmentId)) { ["NetChange"] = netChange.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            try
            {
                await table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.UpdateReplace, updated, row.ETag), new TableTransactionAction(TableTransactionActionType.Add, marker)],
                    cancellationToken);
                return new RevenueAdjustment(after, adjustmentId, netChange);
            }
            catch (TableTransactionFailedException)
            {
                // another writer changed the order or applied this adjustment first: read again
            }
        }

        throw TableErrors.LostRace($"Adjusting order {orderId} kept losing races.");
    }

    private async Task<IReadOnlyList<Touch>> TouchesAsync(string shop, string prefix, string from, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shop} and RowKey ge {prefix + from} and RowKey lt {prefix + "~"}");
        var touches = new List<Touch>();
        await foreach (var row in table.QueryAsync(filter, select: ["Json"], cancellationToken: cancellationToken))
        {
            touches.Add(AttributionJson.Read<Touch>(row.GetString("Json")));
        }

        return touches;
    }

    private static async Task<bool> AddIfAbsentAsync(TableClient table, TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException conflict) when (conflict.Status == 409)
        {
            return false;
        }
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => tables.GetAsync(TableName, cancellationToken);
}
