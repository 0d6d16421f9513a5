using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CartRecovery.Testing.Shopify;

/// <summary>
/// The fake's <c>abandonedCheckouts</c> and <c>orders</c> connections, as the real Admin API answers them: gids, Decimal
/// amounts as strings, <c>first</c> required (1..250), opaque cursors, and the search filter <c>updated_at:&gt;'…'</c>
/// applied (any other filter is refused here, so a wrong filter fails a test instead of silently reading everything).
/// </summary>
public sealed partial class FakeShopifyAdmin
{
    private static readonly Regex UpdatedAfterFilter = new(@"^updated_at:>'?(?<at>[0-9T:\-\.Z+]+)'?$", RegexOptions.CultureInvariant);
    private readonly ConcurrentDictionary<(string Shop, string Connection, long Id), (DateTimeOffset UpdatedAt, JsonObject Node)> records = new();

    /// <summary>A checkout Shopify lists under <c>abandonedCheckouts</c> (replaces one with the same id).</summary>
    public void PutAbandonedCheckout(string shop, long id, string token, DateTimeOffset updatedAt, string? email = "zoe.nunez@example.com", long? customerId = 603851970716743426, int lines = 1, decimal unitPrice = 29.5m)
    {
        var lineNodes = new JsonArray();
        for (var i = 1; i <= lines; i++)
        {
            lineNodes.Add(new JsonObject
            {
                ["id"] = $"gid://shopify/AbandonedCheckoutLineItem/{id}{i}",
                ["title"] = $"Linen shirt {i}",
                ["variantTitle"] = "M",
                ["quantity"] = 1,
                ["sku"] = $"LS-{i}",
                ["product"] = new JsonObject { ["id"] = $"gid://shopify/Product/{7000 + i}" },
                ["variant"] = new JsonObject { ["id"] = $"gid://shopify/ProductVariant/{8000 + i}" },
                ["originalUnitPriceSet"] = MoneyBag(unitPrice),
            });
        }

        records[(shop, "abandonedCheckouts", id)] = (updatedAt, new JsonObject
        {
            ["id"] = $"gid://shopify/AbandonedCheckout/{id}",
            ["name"] = $"#{id}",
            ["abandonedCheckoutUrl"] = $"https://{shop}/75313676/checkouts/{token}/recover?key=2c1e6d3b9f",
            ["createdAt"] = Iso(updatedAt.AddMinutes(-5)),
            ["updatedAt"] = Iso(updatedAt),
            ["completedAt"] = null,
            ["customer"] = customerId is null ? null : new JsonObject
            {
                ["id"] = $"gid://shopify/Customer/{customerId}",
                ["email"] = email,
                ["phone"] = "+4915112345678",
                ["firstName"] = "Zoe",
                ["lastName"] = "Nunez",
                ["locale"] = "de",
            },
            ["totalPriceSet"] = MoneyBag(unitPrice * lines),
            ["subtotalPriceSet"] = MoneyBag(unitPrice * lines),
            ["discountCodes"] = new JsonArray(),
            ["lineItems"] = new JsonObject { ["nodes"] = lineNodes },
        });
    }

    /// <summary>An order Shopify lists under <c>orders</c> (replaces one with the same id).</summary>
    public void PutOrder(string shop, long id, DateTimeOffset updatedAt, string? checkoutToken, string? cartToken = null, string? email = "zoe.nunez@example.com", long? customerId = 603851970716743426, decimal total = 29.5m) =>
        records[(shop, "orders", id)] = (updatedAt, new JsonObject
        {
            ["id"] = $"gid://shopify/Order/{id}",
            ["name"] = $"#{id % 10000}",
            ["email"] = email,
            ["phone"] = null,
            ["createdAt"] = Iso(updatedAt),
            ["updatedAt"] = Iso(updatedAt),
            ["processedAt"] = Iso(updatedAt),
            ["cartToken"] = cartToken,
            ["checkoutToken"] = checkoutToken,
            ["customerLocale"] = "de",
            ["currencyCode"] = "EUR",
            ["presentmentCurrencyCode"] = "EUR",
            ["discountCodes"] = new JsonArray(),
            ["customer"] = customerId is null ? null : new JsonObject { ["id"] = $"gid://shopify/Customer/{customerId}", ["email"] = email, ["phone"] = null },
            ["totalPriceSet"] = MoneyBag(total),
        });

    /// <summary>The calls that read <paramref name="connection"/> (<c>abandonedCheckouts</c> or <c>orders</c>).</summary>
    public IReadOnlyList<AdminCall> CallsTo(string connection) => [.. Calls.Where(c => IsConnectionQuery(c.Query, connection))];

    private static bool IsConnectionQuery(string query, string connection) =>
        Regex.IsMatch(query, @"\b" + connection + @"\s*\(", RegexOptions.CultureInvariant);

    private FakeAnswer? Connection(AdminCall call)
    {
        var connection = IsConnectionQuery(call.Query, "abandonedCheckouts") ? "abandonedCheckouts" : IsConnectionQuery(call.Query, "orders") ? "orders" : null;
        if (connection is null)
        {
            return null;
        }

        if (!int.TryParse(call.Variable("first"), NumberStyles.None, CultureInfo.InvariantCulture, out var first) || first is < 1 or > 250)
        {
            return new FakeAnswer(200, """{"errors":[{"message":"you must provide one of first or last (at most 250)","extensions":{"code":"argumentLiteralsIncompatible"}}]}""");
        }

        DateTimeOffset? after = null;
        if (call.Variable("query") is { Length: > 0 } filter)
        {
            var match = UpdatedAfterFilter.Match(filter);
            if (!match.Success || !DateTimeOffset.TryParse(match.Groups["at"].Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return new FakeAnswer(200, $$"""{"errors":[{"message":"the fake understands only updated_at:>'<ISO time>', got: {{JsonEncodedText.Encode(filter)}}"}]}""");
            }

            after = at;
        }

        var matching = records
            .Where(r => r.Key.Shop == call.Shop && r.Key.Connection == connection && (after is null || r.Value.UpdatedAt > after))
            .OrderBy(r => r.Key.Id)
            .ToList();
        var start = call.Variable("after") is { Length: > 0 } cursor ? int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), CultureInfo.InvariantCulture) : 0;
        var page = matching.Skip(start).Take(first).ToList();
        var end = start + page.Count;
        var nodes = new JsonArray([.. page.Select(r => (JsonNode)r.Value.Node.DeepClone())]);
        var body = new JsonObject
        {
            [connection] = new JsonObject
            {
                ["pageInfo"] = new JsonObject
                {
                    ["hasNextPage"] = end < matching.Count,
                    ["endCursor"] = page.Count == 0 ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(end.ToString(CultureInfo.InvariantCulture))),
                },
                ["nodes"] = nodes,
            },
        };
        return Data(body.ToJsonString());
    }

    private static JsonObject MoneyBag(decimal amount) => new()
    {
        ["shopMoney"] = new JsonObject { ["amount"] = amount.ToString("0.0#", CultureInfo.InvariantCulture), ["currencyCode"] = "EUR" },
        ["presentmentMoney"] = new JsonObject { ["amount"] = amount.ToString("0.0#", CultureInfo.InvariantCulture), ["currencyCode"] = "EUR" },
    };

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
