namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>customers/redact</c>: erase everything held about the customer.</summary>
public sealed record ShopifyCustomersRedact
{
    public long? ShopId { get; init; }

    public string? ShopDomain { get; init; }

    public ShopifyPrivacyCustomer? Customer { get; init; }

    public List<long>? OrdersToRedact { get; init; }
}
