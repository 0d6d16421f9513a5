namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>orders/create</c>, <c>orders/paid</c> and <c>orders/cancelled</c>: what links an order to its checkout and cart, and what attribution needs.</summary>
public sealed record ShopifyOrder
{
    public long? Id { get; init; }

    public string? Name { get; init; }

    public long? CheckoutId { get; init; }

    public string? CheckoutToken { get; init; }

    public string? CartToken { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public ShopifyCustomer? Customer { get; init; }

    public string? Currency { get; init; }

    public string? PresentmentCurrency { get; init; }

    public decimal? TotalPrice { get; init; }

    public ShopifyMoneySet? TotalPriceSet { get; init; }

    public List<ShopifyDiscountCode>? DiscountCodes { get; init; }

    public string? LandingSite { get; init; }

    public string? CustomerLocale { get; init; }

    public List<ShopifyLineItem>? LineItems { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? ProcessedAt { get; init; }

    /// <summary>Set on <c>orders/cancelled</c>.</summary>
    public DateTimeOffset? CancelledAt { get; init; }

    public decimal? TotalDiscounts { get; init; }
}
