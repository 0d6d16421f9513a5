namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>shop/redact</c>, sent 48 hours after uninstall: erase everything held about the shop.</summary>
public sealed record ShopifyShopRedact
{
    public long? ShopId { get; init; }

    public string? ShopDomain { get; init; }
}
