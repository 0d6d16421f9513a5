namespace CartRecovery.Core.Attribution;

/// <summary>
/// What attribution reads of an order: its identifiers, when it was placed, and its total in the shop's currency and in the
/// currency the shopper paid in (presentment).
/// </summary>
public sealed record OrderFacts(
    string Shop,
    string OrderId,
    DateTimeOffset PlacedAt,
    string? CheckoutToken,
    string? CartToken,
    string? CustomerKey,
    IReadOnlyList<string> DiscountCodes,
    decimal DiscountTotal,
    decimal Revenue,
    string Currency,
    decimal PresentmentRevenue,
    string PresentmentCurrency);
