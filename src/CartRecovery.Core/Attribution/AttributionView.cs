namespace CartRecovery.Core.Attribution;

/// <summary>The merchant's view of an attributed order (<c>GET …/orders/{orderId}/attribution</c>); enum values are camelCase words.</summary>
public sealed record AttributionView(
    string OrderId,
    string RecoveryId,
    string? StepId,
    string? Channel,
    string? Variant,
    string MatchedBy,
    string? TouchKind,
    DateTimeOffset? TouchAt,
    DateTimeOffset PlacedAt,
    decimal Revenue,
    string Currency,
    decimal PresentmentRevenue,
    string PresentmentCurrency,
    decimal Refunded,
    bool Cancelled,
    decimal NetRevenue,
    decimal DiscountRedeemed)
{
    public static AttributionView From(OrderAttribution order) => new(
        order.OrderId,
        order.RecoveryId,
        order.StepId,
        order.Channel?.ToString().ToLowerInvariant(),
        order.Variant,
        Camel(order.Route.ToString()),
        order.TouchKind is { } kind ? Camel(kind.ToString()) : null,
        order.TouchAt,
        order.PlacedAt,
        order.Revenue,
        order.Currency,
        order.PresentmentRevenue,
        order.PresentmentCurrency,
        order.Refunded,
        order.Cancelled,
        order.NetRevenue,
        order.DiscountRedeemed);

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
