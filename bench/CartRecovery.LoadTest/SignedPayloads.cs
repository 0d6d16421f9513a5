using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CartRecovery.LoadTest;

/// <summary>
/// Realistic deliveries built from the committed fixtures: checkouts, carts and orders of many shops and shoppers, each body
/// distinct and signed with the secret, prepared before the run so the generator spends its time sending.
/// </summary>
internal sealed class SignedPayloads
{
    private readonly Payload[] payloads;
    private readonly byte[] key;

    public SignedPayloads(string fixtures, string secret, int shops, int count = 4000)
    {
        var checkout = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "checkouts_create.json")))!;
        var cart = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "carts_create.json")))!;
        var order = JsonNode.Parse(File.ReadAllText(Path.Combine(fixtures, "orders_create.json")))!;
        key = Encoding.UTF8.GetBytes(secret);
        var now = DateTimeOffset.UtcNow;
        payloads = new Payload[count];
        for (var i = 0; i < count; i++)
        {
            var shop = $"load-shop-{i % shops:D3}.myshopify.com";
            var (topic, node) = (i % 10) switch
            {
                < 5 => ("checkouts/update", Checkout(checkout, i, now)),
                < 9 => ("carts/update", Cart(cart, i, now)),
                _ => ("orders/create", Order(order, i, now)),
            };
            var body = Encoding.UTF8.GetBytes(node.ToJsonString());
            payloads[i] = new Payload(shop, topic, body, Convert.ToBase64String(HMACSHA256.HashData(key, body)));
        }
    }

    /// <summary>
    /// The prepared payloads in turn; from the second round on, each body gets trailing spaces (one per round, still the same
    /// JSON) and a new signature, so no body is sent twice: the endpoint acknowledges a repeated body as a replay without
    /// recording it, which would leave processing nothing to do.
    /// </summary>
    public Payload this[long index]
    {
        get
        {
            var payload = payloads[index % payloads.Length];
            var round = (int)(index / payloads.Length);
            if (round == 0)
            {
                return payload;
            }

            var body = new byte[payload.Body.Length + round];
            payload.Body.CopyTo(body, 0);
            body.AsSpan(payload.Body.Length).Fill((byte)' ');
            return payload with { Body = body, Signature = Convert.ToBase64String(HMACSHA256.HashData(key, body)) };
        }
    }

    private static JsonNode Checkout(JsonNode template, int i, DateTimeOffset now)
    {
        var node = template.DeepClone();
        node["token"] = $"load-ck-{i:D6}";
        node["cart_token"] = $"load-cart-{i:D6}";
        node["id"] = 900000000000 + i;
        node["email"] = $"shopper{i}@example.com";
        node["customer"]!["id"] = 700000000000 + i;
        node["customer"]!["email"] = $"shopper{i}@example.com";
        node["updated_at"] = now.AddSeconds(i).ToString("O");
        node["created_at"] = now.AddSeconds(i).ToString("O");
        return node;
    }

    private static JsonNode Cart(JsonNode template, int i, DateTimeOffset now)
    {
        var node = template.DeepClone();
        node["id"] = $"load-cart-{i:D6}";
        node["token"] = $"load-cart-{i:D6}";
        node["updated_at"] = now.AddSeconds(i).ToString("O");
        return node;
    }

    private static JsonNode Order(JsonNode template, int i, DateTimeOffset now)
    {
        var node = template.DeepClone();
        node["id"] = 800000000000 + i;
        node["checkout_token"] = $"load-ck-{i - 1:D6}";
        node["cart_token"] = $"load-cart-{i - 1:D6}";
        node["created_at"] = now.AddSeconds(i).ToString("O");
        return node;
    }

    public sealed record Payload(string Shop, string Topic, byte[] Body, string Signature);
}
