using System.Globalization;
using System.Text.Json.Nodes;

namespace CartRecovery.Testing;

/// <summary>Variations of the fixtures for tests that need their own tokens, shoppers and timestamps (the rest stays as Shopify sends it).</summary>
public static class ShopifyPayloads
{
    public static byte[] Checkout(
        string token,
        DateTimeOffset updatedAt,
        string? email = "zoe.nunez@example.com",
        long? customerId = 603851970716743426,
        string? cartToken = null,
        DateTimeOffset? createdAt = null,
        int? lines = null,
        DateTimeOffset? completedAt = null,
        long? id = null,
        string? phone = "+4915112345678")
    {
        var node = ShopifyFixtures.Node("checkouts_create");
        node["token"] = token;
        node["cart_token"] = cartToken;
        node["id"] = id ?? Math.Abs((long)token.GetHashCode(StringComparison.Ordinal)) + 1;
        node["name"] = "#" + node["id"]!.ToString();
        node["email"] = email;
        node["phone"] = phone;
        node["sms_marketing_phone"] = phone;
        node["created_at"] = Time(createdAt ?? updatedAt);
        node["updated_at"] = Time(updatedAt);
        node["completed_at"] = completedAt is null ? null : Time(completedAt.Value);
        if (customerId is null)
        {
            node.Remove("customer");
        }
        else
        {
            node["customer"]!["id"] = customerId;
            node["customer"]!["email"] = email;
            node["customer"]!["phone"] = phone;
        }

        if (lines is { } count)
        {
            var template = node["line_items"]![0]!.ToJsonString();
            node["line_items"] = new JsonArray(Enumerable.Range(0, count).Select(_ => JsonNode.Parse(template)).ToArray());
        }

        return Bytes(node);
    }

    public static byte[] Cart(string token, DateTimeOffset updatedAt, int? lines = null)
    {
        var node = ShopifyFixtures.Node("carts_create");
        node["id"] = token;
        node["token"] = token;
        node["updated_at"] = Time(updatedAt);
        node["created_at"] = Time(updatedAt);
        if (lines is { } count)
        {
            var template = node["line_items"]![0]!.ToJsonString();
            node["line_items"] = new JsonArray(Enumerable.Range(0, count).Select(_ => JsonNode.Parse(template)).ToArray());
        }

        return Bytes(node);
    }

    public static byte[] Order(long id, string? checkoutToken, string? cartToken, DateTimeOffset createdAt, long? customerId = 603851970716743426, string? email = "zoe.nunez@example.com")
    {
        var node = ShopifyFixtures.Node("orders_create");
        node["id"] = id;
        node["checkout_token"] = checkoutToken;
        node["cart_token"] = cartToken;
        node["checkout_id"] = null;
        node["email"] = email;
        node["created_at"] = Time(createdAt);
        node["updated_at"] = Time(createdAt);
        if (customerId is null)
        {
            node.Remove("customer");
        }
        else
        {
            node["customer"]!["id"] = customerId;
            node["customer"]!["email"] = email;
        }

        return Bytes(node);
    }

    public static byte[] CheckoutDeletion(long id, string? cartToken = null)
    {
        var node = ShopifyFixtures.Node("checkouts_delete");
        node["id"] = id;
        node["cart_token"] = cartToken;
        return Bytes(node);
    }

    public static byte[] Privacy(string fixture, string shop, long? customerId, string? email, string? phone, long? requestId = null)
    {
        var node = ShopifyFixtures.Node(fixture);
        node["shop_domain"] = shop;
        if (node["customer"] is JsonObject customer)
        {
            customer["id"] = customerId;
            customer["email"] = email;
            customer["phone"] = phone;
        }

        if (requestId is not null && node["data_request"] is JsonObject request)
        {
            request["id"] = requestId;
        }

        return Bytes(node);
    }

    public static byte[] Bytes(JsonNode node) => System.Text.Encoding.UTF8.GetBytes(node.ToJsonString());

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);
}
