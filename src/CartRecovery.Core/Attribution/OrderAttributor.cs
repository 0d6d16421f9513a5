using CartRecovery.Core.Analytics;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Attribution;

/// <summary>
/// Attributes orders to recoveries as their webhooks arrive and applies refunds and cancellations to attributed revenue.
/// Safe to repeat: an order keeps its first attribution, an adjustment applies once, and the counters are idempotent.
/// </summary>
public sealed class OrderAttributor(IAttributionRepository store, MeasurementRecorder recorder, IOptions<AttributionOptions> options)
{
    public async Task<OrderAttribution?> AttributeAsync(OrderFacts order, CancellationToken cancellationToken)
    {
        if (await store.GetOrderAsync(order.Shop, order.OrderId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            await recorder.OrderAttributedAsync(known, cancellationToken).ConfigureAwait(false); // a crash may have come between the two writes
            return known;
        }

        var direct = await DirectMatchAsync(order, cancellationToken).ConfigureAwait(false);
        var windows = options.Value.For(order.Shop);
        IReadOnlyList<Touch> directTouches = [];
        IReadOnlyList<Touch> customerTouches = [];
        if (direct is { } match)
        {
            directTouches = await store.TouchesOfRecoveryAsync(order.Shop, match.Recovery.RecoveryId, cancellationToken).ConfigureAwait(false);
        }
        else if (order.CustomerKey is { } customer)
        {
            customerTouches = await store.TouchesOfCustomerAsync(order.Shop, customer, order.PlacedAt - windows.Longest, cancellationToken).ConfigureAwait(false);
        }

        var attribution = AttributionRules.Attribute(order, direct, directTouches, customerTouches, windows, 0m);
        if (attribution is null)
        {
            return null;
        }

        attribution = attribution with { DiscountRedeemed = await RedeemedAsync(order, attribution.RecoveryId, cancellationToken).ConfigureAwait(false) };
        var stored = await store.AddOrderAsync(attribution, cancellationToken).ConfigureAwait(false);
        await recorder.OrderAttributedAsync(stored, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <summary>
    /// A refund identified by Shopify's refund id. An amount in the presentment currency is converted to the shop's at the
    /// order's own rate (its two totals), since revenue is counted in shop currency.
    /// </summary>
    public Task<RevenueAdjustment?> RefundAsync(string shop, string orderId, string refundId, decimal amount, string? currency, CancellationToken cancellationToken) =>
        AdjustAsync(shop, orderId, "refund-" + refundId, o => o with { Refunded = o.Refunded + ToShopCurrency(o, Math.Max(0m, amount), currency) }, cancellationToken);

    private static decimal ToShopCurrency(OrderAttribution order, decimal amount, string? currency) =>
        currency is not null && !string.Equals(currency, order.Currency, StringComparison.OrdinalIgnoreCase)
            && string.Equals(currency, order.PresentmentCurrency, StringComparison.OrdinalIgnoreCase) && order.PresentmentRevenue > 0
            ? Math.Round(amount * order.Revenue / order.PresentmentRevenue, 2)
            : amount;

    public Task<RevenueAdjustment?> CancelAsync(string shop, string orderId, CancellationToken cancellationToken) =>
        AdjustAsync(shop, orderId, "cancel", o => o with { Cancelled = true }, cancellationToken);

    private async Task<RevenueAdjustment?> AdjustAsync(string shop, string orderId, string adjustmentId, Func<OrderAttribution, OrderAttribution> change, CancellationToken cancellationToken)
    {
        var adjustment = await store.AdjustOrderAsync(shop, orderId, adjustmentId, change, cancellationToken).ConfigureAwait(false);
        if (adjustment is not null)
        {
            await recorder.RevenueAdjustedAsync(adjustment, cancellationToken).ConfigureAwait(false);
        }

        return adjustment;
    }

    private async Task<(RecoveryLink Recovery, MatchRoute Route)?> DirectMatchAsync(OrderFacts order, CancellationToken cancellationToken)
    {
        var keys = new List<(MatchRoute, string?)> { (MatchRoute.CheckoutToken, order.CheckoutToken), (MatchRoute.CartToken, order.CartToken) };
        keys.AddRange(order.DiscountCodes.Select(code => (MatchRoute.DiscountCode, (string?)code)));
        foreach (var (route, key) in keys)
        {
            if (!string.IsNullOrWhiteSpace(key) && await store.FindRecoveryAsync(order.Shop, route, key, cancellationToken).ConfigureAwait(false) is { } recovery)
            {
                return (recovery, route);
            }
        }

        return null;
    }

    /// <summary>The order's discounts count as the recovery's cost only when one of its codes is a code that recovery issued.</summary>
    private async Task<decimal> RedeemedAsync(OrderFacts order, string recoveryId, CancellationToken cancellationToken)
    {
        foreach (var code in order.DiscountCodes)
        {
            if (await store.FindRecoveryAsync(order.Shop, MatchRoute.DiscountCode, code, cancellationToken).ConfigureAwait(false) is { } issuer && issuer.RecoveryId == recoveryId)
            {
                return order.DiscountTotal;
            }
        }

        return 0m;
    }
}
