using CartRecovery.Core.Shopify.Payloads;

namespace CartRecovery.Core.Reconciliation;

/// <summary>
/// A shop's checkouts and orders changed after a moment, read from its Admin API and mapped to the payload records the
/// webhooks produce, so they go through the same ingestion. Every page of the result, in no particular order.
/// </summary>
public interface IShopifyChangeFeed
{
    IAsyncEnumerable<ShopifyCheckout> AbandonedCheckoutsUpdatedAfterAsync(string shop, string accessToken, DateTimeOffset after, CancellationToken cancellationToken);

    IAsyncEnumerable<ShopifyOrder> OrdersUpdatedAfterAsync(string shop, string accessToken, DateTimeOffset after, CancellationToken cancellationToken);
}
