namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>customers/data_request</c>: the merchant must receive everything the app holds about the customer.</summary>
public sealed record ShopifyCustomersDataRequest
{
    public long? ShopId { get; init; }

    public string? ShopDomain { get; init; }

    public ShopifyPrivacyCustomer? Customer { get; init; }

    public List<long>? OrdersRequested { get; init; }

    public ShopifyDataRequestId? DataRequest { get; init; }
}
