using System.Globalization;
using System.Runtime.CompilerServices;
using CartRecovery.Core.Reconciliation;
using CartRecovery.Core.Shopify.Payloads;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.ShopifyAdmin;

/// <summary>
/// <c>abandonedCheckouts</c> and <c>orders</c> filtered by the search syntax <c>updated_at:&gt;'…'</c>. Neither connection
/// sorts by update time (abandoned checkouts have no such sort key), so every page of the filter is read; the filter keeps
/// that small between two runs.
/// </summary>
public sealed class ShopifyChangeFeed(AdminGraphQlClient client, IOptions<ReconciliationOptions> options) : IShopifyChangeFeed
{
    private const string Money = "shopMoney { amount currencyCode } presentmentMoney { amount currencyCode }";

    internal const string CheckoutsQuery = $$"""
        query ReconcileAbandonedCheckouts($first: Int!, $after: String, $query: String) {
          abandonedCheckouts(first: $first, after: $after, query: $query) {
            pageInfo { hasNextPage endCursor }
            nodes {
              id name abandonedCheckoutUrl createdAt updatedAt completedAt
              customer { id email phone firstName lastName locale }
              totalPriceSet { {{Money}} }
              subtotalPriceSet { {{Money}} }
              discountCodes
              lineItems(first: 100) {
                nodes { id title variantTitle quantity sku product { id } variant { id } originalUnitPriceSet { {{Money}} } }
              }
            }
          }
        }
        """;

    internal const string OrdersQuery = $$"""
        query ReconcileOrders($first: Int!, $after: String, $query: String) {
          orders(first: $first, after: $after, query: $query) {
            pageInfo { hasNextPage endCursor }
            nodes {
              id name email phone createdAt updatedAt processedAt cartToken checkoutToken customerLocale
              currencyCode presentmentCurrencyCode discountCodes
              customer { id email phone }
              totalPriceSet { {{Money}} }
            }
          }
        }
        """;

    public async IAsyncEnumerable<ShopifyCheckout> AbandonedCheckoutsUpdatedAfterAsync(string shop, string accessToken, DateTimeOffset after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var node in client.PagesAsync(shop, accessToken, CheckoutsQuery, Variables(after), ["abandonedCheckouts"], cancellationToken).ConfigureAwait(false))
        {
            yield return AdminPayloadMapping.Checkout(node);
        }
    }

    public async IAsyncEnumerable<ShopifyOrder> OrdersUpdatedAfterAsync(string shop, string accessToken, DateTimeOffset after, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var node in client.PagesAsync(shop, accessToken, OrdersQuery, Variables(after), ["orders"], cancellationToken).ConfigureAwait(false))
        {
            yield return AdminPayloadMapping.Order(node);
        }
    }

    /// <summary>The search filter: a quoted ISO time in UTC, to the second (Shopify's precision for <c>updated_at</c>).</summary>
    internal static string UpdatedAfter(DateTimeOffset after) =>
        "updated_at:>'" + after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + "'";

    private Dictionary<string, object?> Variables(DateTimeOffset after) => new(StringComparer.Ordinal)
    {
        ["first"] = options.Value.PageSize,
        ["query"] = UpdatedAfter(after),
    };
}
