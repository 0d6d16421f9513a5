namespace CartRecovery.Core.Shopify.Payloads;

/// <summary>An amount in the shop's currency and in the currency the shopper saw (presentment).</summary>
public sealed record ShopifyMoneySet
{
    public ShopifyMoney? ShopMoney { get; init; }

    public ShopifyMoney? PresentmentMoney { get; init; }
}
