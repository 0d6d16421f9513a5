namespace CartRecovery.Core.Shopify.Payloads;

/// <summary>The customer named by a privacy webhook.</summary>
public sealed record ShopifyPrivacyCustomer
{
    public long? Id { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }
}
