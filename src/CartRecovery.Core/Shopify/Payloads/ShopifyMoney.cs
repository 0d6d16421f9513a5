namespace CartRecovery.Core.Shopify.Payloads;

public sealed record ShopifyMoney
{
    public decimal? Amount { get; init; }

    public string? CurrencyCode { get; init; }
}
