namespace CartRecovery.Core.Shopify.Payloads;

public sealed record ShopifyDataRequestId
{
    public long? Id { get; init; }
}
