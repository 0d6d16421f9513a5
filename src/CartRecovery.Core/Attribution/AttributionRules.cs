namespace CartRecovery.Core.Attribution;

/// <summary>
/// Ties an order to a recovery. A direct match (checkout token, then cart token, then the recovery's discount code) names
/// the recovery outright, and its last touch before the order names the step; without one, the shopper's latest interaction
/// that is still inside its channel's window wins (last touch). Interactions after the order never count.
/// </summary>
public static class AttributionRules
{
    /// <param name="direct">The recovery a direct route found, with the route; null when none did.</param>
    /// <param name="directTouches">That recovery's touches (any order).</param>
    /// <param name="customerTouches">The shopper's touches across recoveries (any order), used when there is no direct match.</param>
    public static OrderAttribution? Attribute(
        OrderFacts order,
        (RecoveryLink Recovery, MatchRoute Route)? direct,
        IReadOnlyCollection<Touch> directTouches,
        IReadOnlyCollection<Touch> customerTouches,
        AttributionWindows windows,
        decimal discountRedeemed)
    {
        if (direct is { } match)
        {
            var last = directTouches.Where(t => t.RecoveryId == match.Recovery.RecoveryId && t.At <= order.PlacedAt).OrderByDescending(Rank).FirstOrDefault();
            return Build(order, match.Recovery.RecoveryId, match.Route, last, match.Recovery.Variant ?? last?.Variant, discountRedeemed);
        }

        var winner = customerTouches
            .Where(t => t.At <= order.PlacedAt && windows.For(t.Channel, t.Kind) is { } window && order.PlacedAt - t.At <= window)
            .OrderByDescending(Rank)
            .FirstOrDefault();
        return winner is null ? null : Build(order, winner.RecoveryId, MatchRoute.LastTouch, winner, winner.Variant, discountRedeemed);
    }

    /// <summary>Latest first; at the same instant a click outranks an open, an open a delivery, a delivery a send.</summary>
    private static (DateTimeOffset, int, string) Rank(Touch touch) => (touch.At, (int)touch.Kind, touch.MessageId);

    private static OrderAttribution Build(OrderFacts order, string recoveryId, MatchRoute route, Touch? touch, string? variant, decimal discountRedeemed) => new(
        order.Shop,
        order.OrderId,
        recoveryId,
        touch?.StepId,
        touch?.Channel,
        variant,
        route,
        touch?.Kind,
        touch?.At,
        order.PlacedAt,
        order.Revenue,
        order.Currency,
        order.PresentmentRevenue,
        order.PresentmentCurrency,
        discountRedeemed,
        0m,
        false);
}
