namespace CartRecovery.Core.Attribution;

/// <summary>Recoveries, their discount codes, touches and the orders attributed to them, per shop.</summary>
public interface IAttributionRepository
{
    /// <summary>Records a recovery and indexes its checkout and cart tokens (idempotent; an existing recovery keeps its first record).</summary>
    Task RecordRecoveryAsync(RecoveryLink recovery, CancellationToken cancellationToken);

    Task<RecoveryLink?> GetRecoveryAsync(string shop, string recoveryId, CancellationToken cancellationToken);

    /// <summary>Indexes a discount code issued by a recovery (codes compare case-insensitively, as Shopify's do).</summary>
    Task RecordDiscountCodeAsync(string shop, string recoveryId, string code, CancellationToken cancellationToken);

    /// <summary>The recovery a checkout token, cart token or discount code names; null when none does.</summary>
    Task<RecoveryLink?> FindRecoveryAsync(string shop, MatchRoute route, string key, CancellationToken cancellationToken);

    /// <summary>Records a touch (idempotent on message, kind and instant).</summary>
    Task RecordTouchAsync(Touch touch, CancellationToken cancellationToken);

    Task<IReadOnlyList<Touch>> TouchesOfRecoveryAsync(string shop, string recoveryId, CancellationToken cancellationToken);

    /// <summary>A shopper's touches at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<Touch>> TouchesOfCustomerAsync(string shop, string customerKey, DateTimeOffset since, CancellationToken cancellationToken);

    Task<OrderAttribution?> GetOrderAsync(string shop, string orderId, CancellationToken cancellationToken);

    /// <summary>Stores an order's attribution unless one exists; returns the stored one (the first, however many webhooks).</summary>
    Task<OrderAttribution> AddOrderAsync(OrderAttribution attribution, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a refund or cancellation once per <paramref name="adjustmentId"/>: returns the change in net revenue it made
    /// (the same figure on every repeat), or null when the order is not attributed.
    /// </summary>
    Task<RevenueAdjustment?> AdjustOrderAsync(string shop, string orderId, string adjustmentId, Func<OrderAttribution, OrderAttribution> change, CancellationToken cancellationToken);
}
