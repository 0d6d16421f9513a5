using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Abandonment;

/// <summary>The order that completed a cart or checkout, kept so a recovery that starts late still learns of it with its attribution data.</summary>
public sealed record RecordedOrder(long OrderId, DateTimeOffset At, decimal Total, string Currency, IReadOnlyList<string> DiscountCodes, string? LandingSite)
{
    public static RecordedOrder From(OrderPlaced order) => new(order.OrderId, order.At, order.Total, order.Currency, order.DiscountCodes, order.LandingSite);

    public OrderPlaced ToSignal() => new(At, OrderId, Total, Currency, DiscountCodes, LandingSite);
}
