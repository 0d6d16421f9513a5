namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>app/uninstalled</c> carries the shop object; only its ids matter here (the header names the shop).</summary>
public sealed record ShopifyShop
{
    public long? Id { get; init; }

    public string? MyshopifyDomain { get; init; }
}
