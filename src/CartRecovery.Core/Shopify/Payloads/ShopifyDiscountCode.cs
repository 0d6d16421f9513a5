namespace CartRecovery.Core.Shopify.Payloads;

public sealed record ShopifyDiscountCode
{
    public string? Code { get; init; }

    public decimal? Amount { get; init; }

    public string? Type { get; init; }
}
