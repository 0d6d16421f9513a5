using System.Text.Json;

namespace CartRecovery.Core.Webhooks;

/// <summary>
/// A body must be what its topic says. The HMAC covers the body but not <c>X-Shopify-Topic</c>, so a signed checkout re-sent
/// as <c>shop/redact</c> verifies; the fields each topic's payload always has (and the ones only other topics have) tell
/// them apart. Only the top-level field names are read here; the typed checks in <see cref="WebhookPayloadParser"/> follow.
/// </summary>
public static class TopicShapes
{
    private static readonly string[] OrderOnly = ["order_number", "financial_status", "checkout_token", "checkout_id", "processed_at", "order_status_url"];
    private static readonly string[] CheckoutOnly = ["abandoned_checkout_url"];
    private static readonly string[] ComplianceOnly = ["shop_id", "shop_domain", "data_request", "orders_requested", "orders_to_redact"];

    /// <summary>Null when the body's fields fit the topic; otherwise the reason (field names only, never values).</summary>
    public static string? Mismatch(WebhookTopic topic, ReadOnlySpan<byte> body)
    {
        HashSet<string> names;
        try
        {
            names = TopLevelNames(body);
        }
        catch (JsonException)
        {
            return null; // the typed read reports the syntax error with its position
        }

        return topic switch
        {
            WebhookTopic.CartsCreate or WebhookTopic.CartsUpdate =>
                Forbid(names, "a cart", [.. OrderOnly, .. CheckoutOnly, .. ComplianceOnly, "email", "customer"]),
            WebhookTopic.CheckoutsCreate or WebhookTopic.CheckoutsUpdate =>
                Forbid(names, "a checkout", [.. OrderOnly, .. ComplianceOnly]),
            WebhookTopic.CheckoutsDelete =>
                Forbid(names, "a checkout deletion", [.. OrderOnly, .. CheckoutOnly, .. ComplianceOnly, "line_items", "email", "customer"]),
            WebhookTopic.OrdersCreate or WebhookTopic.OrdersPaid =>
                Require(names, "an order", "order_number", "financial_status", "processed_at") ?? Forbid(names, "an order", [.. CheckoutOnly, .. ComplianceOnly]),
            WebhookTopic.OrdersCancelled =>
                Require(names, "a cancelled order", "cancelled_at") ?? Require(names, "an order", "order_number", "financial_status", "processed_at") ?? Forbid(names, "an order", [.. CheckoutOnly, .. ComplianceOnly]),
            WebhookTopic.RefundsCreate =>
                RequireAll(names, "refunds/create", "order_id") ?? Forbid(names, "a refund", [.. OrderOnly, .. CheckoutOnly, .. ComplianceOnly, "line_items", "email", "customer"]),
            WebhookTopic.AppUninstalled =>
                Require(names, "a shop", "myshopify_domain") ?? Forbid(names, "a shop", [.. OrderOnly, .. CheckoutOnly, .. ComplianceOnly, "line_items"]),
            WebhookTopic.CustomersDataRequest =>
                RequireAll(names, "customers/data_request", "shop_id", "shop_domain", "customer") ?? Forbid(names, "customers/data_request", ["orders_to_redact", "line_items"]),
            WebhookTopic.CustomersRedact =>
                RequireAll(names, "customers/redact", "shop_id", "shop_domain", "customer") ?? Forbid(names, "customers/redact", ["data_request", "orders_requested", "line_items"]),
            WebhookTopic.ShopRedact =>
                RequireAll(names, "shop/redact", "shop_id", "shop_domain") ?? Forbid(names, "shop/redact", ["customer", "data_request", "orders_requested", "orders_to_redact", "line_items"]),
            _ => null,
        };
    }

    private static string? Forbid(HashSet<string> names, string what, string[] foreign) =>
        foreign.FirstOrDefault(names.Contains) is { } field ? $"The body has '{field}', which {what} payload never has: it is not what X-Shopify-Topic says." : null;

    /// <summary>At least one of <paramref name="any"/>.</summary>
    private static string? Require(HashSet<string> names, string what, params string[] any) =>
        any.Any(names.Contains) ? null : $"The body is not {what} payload: it has none of {string.Join(", ", any)}.";

    private static string? RequireAll(HashSet<string> names, string topic, params string[] all) =>
        all.FirstOrDefault(n => !names.Contains(n)) is { } missing ? $"A {topic} payload needs '{missing}'." : null;

    private static HashSet<string> TopLevelNames(ReadOnlySpan<byte> body)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return names;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            names.Add(reader.GetString()!);
            reader.Read();
            reader.Skip();
        }

        return names;
    }
}
