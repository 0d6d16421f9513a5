using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace CartRecovery.Demo;

/// <summary>Checkouts and orders shaped like Shopify's (the test fixtures, embedded), with the demo shopper's cart and contact.</summary>
public static class Payloads
{
    public static byte[] Checkout(int seed, int shopper, ShopperTruth truth, DateTimeOffset now, out decimal total)
    {
        var random = new Random(truth.CartSeed);
        var node = Fixture("checkouts_create.json");
        var token = CheckoutToken(seed, shopper);
        node["token"] = token;
        node["cart_token"] = "cart-" + token;
        node["id"] = 10_000_000L + (seed * 100_000L) + shopper;
        node["name"] = "#D" + shopper.ToString(CultureInfo.InvariantCulture);
        var email = Email(seed, shopper);
        node["email"] = email;
        node["customer_locale"] = Catalogue.Locales[random.Next(Catalogue.Locales.Count)];
        node["created_at"] = Time(now);
        node["updated_at"] = Time(now);
        node["completed_at"] = null;
        node["customer"]!["id"] = CustomerId(seed, shopper);
        node["customer"]!["email"] = email;
        node["customer"]!["first_name"] = "Shopper " + shopper.ToString(CultureInfo.InvariantCulture);
        node["customer"]!["orders_count"] = random.Next(3); // 0: first-time, else returning
        var template = node["line_items"]![0]!.ToJsonString();
        var lines = new JsonArray();
        total = 0m;
        foreach (var product in Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Catalogue.Products[random.Next(Catalogue.Products.Count)]).DistinctBy(p => p.Id))
        {
            var quantity = 1 + random.Next(2);
            var line = JsonNode.Parse(template)!;
            line["title"] = product.Title;
            line["presentment_title"] = product.Title;
            line["product_id"] = product.Id;
            line["variant_id"] = product.Id * 10;
            line["quantity"] = quantity;
            line["price"] = Money(product.Price);
            line["line_price"] = Money(product.Price * quantity);
            line["key"] = product.Id.ToString(CultureInfo.InvariantCulture);
            lines.Add(line);
            total += product.Price * quantity;
        }

        node["line_items"] = lines;
        foreach (var field in new[] { "total_price", "subtotal_price", "total_line_items_price" })
        {
            node[field] = Money(total);
        }

        node["total_tax"] = "0.00";
        if (node["total_price_set"] is JsonObject set)
        {
            foreach (var money in new[] { "shop_money", "presentment_money" })
            {
                if (set[money] is JsonObject amount)
                {
                    amount["amount"] = Money(total);
                }
            }
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public static byte[] Order(int seed, int shopper, decimal total, DateTimeOffset now)
    {
        var node = Fixture("orders_create.json");
        var token = CheckoutToken(seed, shopper);
        node["id"] = OrderId(seed, shopper);
        node["checkout_token"] = token;
        node["cart_token"] = "cart-" + token;
        node["checkout_id"] = null;
        node["email"] = Email(seed, shopper);
        node["created_at"] = Time(now);
        node["updated_at"] = Time(now);
        foreach (var field in new[] { "total_price", "subtotal_price", "current_total_price", "total_line_items_price" })
        {
            if (node[field] is not null)
            {
                node[field] = Money(total);
            }

            // The API reads revenue from the *_set money bags (shop and presentment currency), so they must carry the total too.
            if (node[field + "_set"] is JsonObject set && set["shop_money"] is JsonObject shopMoney && decimal.TryParse(shopMoney["amount"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var fixtureShop) && fixtureShop > 0)
            {
                if (set["presentment_money"] is JsonObject presentment && decimal.TryParse(presentment["amount"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var fixturePresentment))
                {
                    presentment["amount"] = Money(Math.Round(total * fixturePresentment / fixtureShop, 2));
                }

                shopMoney["amount"] = Money(total);
            }
        }

        if (node["customer"] is JsonObject customer)
        {
            customer["id"] = CustomerId(seed, shopper);
            customer["email"] = Email(seed, shopper);
        }

        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }

    public static string CheckoutToken(int seed, int shopper) => $"demo-{seed}-{shopper}";

    public static long OrderId(int seed, int shopper) => 50_000_000L + (seed * 100_000L) + shopper;

    public static string Email(int seed, int shopper) => $"shopper{shopper}-s{seed}@demo.example";

    private static long CustomerId(int seed, int shopper) => 70_000_000L + (seed * 100_000L) + shopper;

    private static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static JsonNode Fixture(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)!;
        return JsonNode.Parse(stream)!;
    }
}
