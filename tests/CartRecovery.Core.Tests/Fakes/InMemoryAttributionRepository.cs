using CartRecovery.Core.Attribution;

namespace CartRecovery.Core.Tests.Fakes;

/// <summary>Recoveries, touches and attributed orders in memory, with the table adapter's first-write-wins rules.</summary>
internal sealed class InMemoryAttributionRepository : IAttributionRepository
{
    private readonly Dictionary<string, RecoveryLink> recoveries = [];
    private readonly Dictionary<(MatchRoute, string), string> lookups = [];
    private readonly List<Touch> touches = [];
    private readonly Dictionary<string, OrderAttribution> orders = [];
    private readonly Dictionary<(string, string), decimal> adjustments = [];

    public Task RecordRecoveryAsync(RecoveryLink recovery, CancellationToken cancellationToken)
    {
        recoveries.TryAdd(recovery.RecoveryId, recovery);
        if (recovery.CheckoutToken is { } checkout)
        {
            lookups[(MatchRoute.CheckoutToken, checkout)] = recovery.RecoveryId;
        }

        if (recovery.CartToken is { } cart)
        {
            lookups[(MatchRoute.CartToken, cart)] = recovery.RecoveryId;
        }

        return Task.CompletedTask;
    }

    public Task<RecoveryLink?> GetRecoveryAsync(string shop, string recoveryId, CancellationToken cancellationToken) => Task.FromResult(recoveries.GetValueOrDefault(recoveryId));

    public Task RecordDiscountCodeAsync(string shop, string recoveryId, string code, CancellationToken cancellationToken)
    {
        lookups[(MatchRoute.DiscountCode, code.ToUpperInvariant())] = recoveryId;
        return Task.CompletedTask;
    }

    public Task<RecoveryLink?> FindRecoveryAsync(string shop, MatchRoute route, string key, CancellationToken cancellationToken) =>
        Task.FromResult(lookups.TryGetValue((route, route == MatchRoute.DiscountCode ? key.ToUpperInvariant() : key), out var id) ? recoveries.GetValueOrDefault(id) : null);

    public Task RecordTouchAsync(Touch touch, CancellationToken cancellationToken)
    {
        if (!touches.Any(t => t.MessageId == touch.MessageId && t.Kind == touch.Kind && t.At == touch.At))
        {
            touches.Add(touch);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Touch>> TouchesOfRecoveryAsync(string shop, string recoveryId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Touch>>([.. touches.Where(t => t.RecoveryId == recoveryId)]);

    public Task<IReadOnlyList<Touch>> TouchesOfCustomerAsync(string shop, string customerKey, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Touch>>([.. touches.Where(t => t.CustomerKey == customerKey && t.At >= since)]);

    public Task<OrderAttribution?> GetOrderAsync(string shop, string orderId, CancellationToken cancellationToken) => Task.FromResult(orders.GetValueOrDefault(orderId));

    public Task<OrderAttribution> AddOrderAsync(OrderAttribution attribution, CancellationToken cancellationToken)
    {
        orders.TryAdd(attribution.OrderId, attribution);
        return Task.FromResult(orders[attribution.OrderId]);
    }

    public Task<RevenueAdjustment?> AdjustOrderAsync(string shop, string orderId, string adjustmentId, Func<OrderAttribution, OrderAttribution> change, CancellationToken cancellationToken)
    {
        if (!orders.TryGetValue(orderId, out var before))
        {
            return Task.FromResult<RevenueAdjustment?>(null);
        }

        if (adjustments.TryGetValue((orderId, adjustmentId), out var done))
        {
            return Task.FromResult<RevenueAdjustment?>(new RevenueAdjustment(before, adjustmentId, done));
        }

        var after = change(before);
        orders[orderId] = after;
        adjustments[(orderId, adjustmentId)] = after.NetRevenue - before.NetRevenue;
        return Task.FromResult<RevenueAdjustment?>(new RevenueAdjustment(after, adjustmentId, after.NetRevenue - before.NetRevenue));
    }
}
