namespace CartRecovery.Core.Shopify.Payloads;

/// <summary>The <c>customer</c> object of checkouts and orders (orders count and total spent are absent from newer API versions).</summary>
public sealed record ShopifyCustomer
{
    public long? Id { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public int? OrdersCount { get; init; }

    public decimal? TotalSpent { get; init; }

    public string? Locale { get; init; }

    /// <summary>The account's state (<c>enabled</c>, <c>disabled</c>, <c>invited</c>, <c>declined</c>).</summary>
    public string? State { get; init; }

    /// <summary>The merchant's tags, comma-separated.</summary>
    public string? Tags { get; init; }

    public ShopifyMarketingConsent? EmailMarketingConsent { get; init; }

    public ShopifyMarketingConsent? SmsMarketingConsent { get; init; }
}
