namespace CartRecovery.Core.Shopify.Payloads;

public sealed record ShopifyAddress
{
    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Phone { get; init; }

    public string? CountryCode { get; init; }

    public string? ProvinceCode { get; init; }
}
