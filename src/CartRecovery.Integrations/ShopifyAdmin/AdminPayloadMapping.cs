using System.Globalization;
using System.Text.Json;
using CartRecovery.Core.Shopify.Payloads;

namespace CartRecovery.Integrations.ShopifyAdmin;

/// <summary>
/// GraphQL Admin nodes to the payload records webhooks produce (ids from gids, Decimal strings to numbers). An abandoned
/// checkout has no token field: the token is the path segment after <c>/checkouts/</c> of its recovery URL (as in the
/// webhook's <c>abandoned_checkout_url</c>); its numeric id is the same as the webhook's <c>id</c>.
/// </summary>
internal static class AdminPayloadMapping
{
    public static ShopifyCheckout Checkout(JsonElement node)
    {
        var url = String(node, "abandonedCheckoutUrl");
        var customer = Customer(node);
        var total = MoneySet(node, "totalPriceSet");
        return new ShopifyCheckout
        {
            Id = Gid(node, "id"),
            Token = TokenFromUrl(url),
            Name = String(node, "name"),
            Email = customer?.Email,
            Phone = customer?.Phone,
            Customer = customer,
            AbandonedCheckoutUrl = url,
            Currency = total?.ShopMoney?.CurrencyCode,
            PresentmentCurrency = total?.PresentmentMoney?.CurrencyCode,
            CustomerLocale = customer?.Locale,
            TotalPriceSet = total,
            TotalPrice = total?.ShopMoney?.Amount,
            SubtotalPrice = MoneySet(node, "subtotalPriceSet")?.ShopMoney?.Amount,
            DiscountCodes = Codes(node),
            LineItems = node.TryGetProperty("lineItems", out var lines) && lines.TryGetProperty("nodes", out var nodes)
                ? [.. nodes.EnumerateArray().Select(Line)]
                : null,
            CreatedAt = Time(node, "createdAt"),
            UpdatedAt = Time(node, "updatedAt"),
            CompletedAt = Time(node, "completedAt"),
        };
    }

    public static ShopifyOrder Order(JsonElement node) => new()
    {
        Id = Gid(node, "id"),
        Name = String(node, "name"),
        CheckoutToken = String(node, "checkoutToken"),
        CartToken = String(node, "cartToken"),
        Email = String(node, "email"),
        Phone = String(node, "phone"),
        Customer = Customer(node),
        Currency = String(node, "currencyCode"),
        PresentmentCurrency = String(node, "presentmentCurrencyCode"),
        TotalPriceSet = MoneySet(node, "totalPriceSet"),
        TotalPrice = MoneySet(node, "totalPriceSet")?.ShopMoney?.Amount,
        DiscountCodes = Codes(node),
        CustomerLocale = String(node, "customerLocale"),
        CreatedAt = Time(node, "createdAt"),
        UpdatedAt = Time(node, "updatedAt"),
        ProcessedAt = Time(node, "processedAt"),
    };

    internal static string? TokenFromUrl(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.IndexOf(segments, "checkouts");
        return at >= 0 && at + 1 < segments.Length ? segments[at + 1] : null;
    }

    private static ShopifyLineItem Line(JsonElement line)
    {
        var price = MoneySet(line, "originalUnitPriceSet");
        var quantity = line.TryGetProperty("quantity", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetInt32() : 0;
        return new ShopifyLineItem
        {
            Id = Gid(line, "id"),
            Key = String(line, "id"),
            ProductId = line.TryGetProperty("product", out var product) ? Gid(product, "id") : null,
            VariantId = line.TryGetProperty("variant", out var variant) ? Gid(variant, "id") : null,
            Title = String(line, "title"),
            VariantTitle = String(line, "variantTitle"),
            Quantity = quantity,
            Sku = String(line, "sku"),
            PriceSet = price,
            Price = price?.ShopMoney?.Amount,
            LinePrice = price?.ShopMoney?.Amount * quantity,
        };
    }

    private static ShopifyCustomer? Customer(JsonElement node) =>
        node.TryGetProperty("customer", out var c) && c.ValueKind == JsonValueKind.Object
            ? new ShopifyCustomer
            {
                Id = Gid(c, "id"),
                Email = String(c, "email"),
                Phone = String(c, "phone"),
                FirstName = String(c, "firstName"),
                LastName = String(c, "lastName"),
                Locale = String(c, "locale"),
            }
            : null;

    private static ShopifyMoneySet? MoneySet(JsonElement node, string name) =>
        node.TryGetProperty(name, out var set) && set.ValueKind == JsonValueKind.Object
            ? new ShopifyMoneySet { ShopMoney = Money(set, "shopMoney"), PresentmentMoney = Money(set, "presentmentMoney") }
            : null;

    private static ShopifyMoney? Money(JsonElement set, string name) =>
        set.TryGetProperty(name, out var money) && money.ValueKind == JsonValueKind.Object
            ? new ShopifyMoney { Amount = Decimal(money, "amount"), CurrencyCode = String(money, "currencyCode") }
            : null;

    /// <summary>GraphQL's <c>Decimal</c> is a JSON string ("12.50").</summary>
    private static decimal? Decimal(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind switch
        {
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? (decimal?)parsed : null,
            JsonValueKind.Number => value.GetDecimal(),
            _ => null,
        } is { } amount ? amount : null;

    private static List<ShopifyDiscountCode>? Codes(JsonElement node) =>
        node.TryGetProperty("discountCodes", out var codes) && codes.ValueKind == JsonValueKind.Array
            ? [.. codes.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.String).Select(c => new ShopifyDiscountCode { Code = c.GetString() })]
            : null;

    private static string? String(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement node, string name) =>
        String(node, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    /// <summary>The number at the end of a gid (<c>gid://shopify/Order/123</c>, possibly with a <c>?key=…</c> suffix).</summary>
    private static long? Gid(JsonElement node, string name)
    {
        if (String(node, name) is not { } gid)
        {
            return null;
        }

        var tail = gid[(gid.LastIndexOf('/') + 1)..];
        var query = tail.IndexOf('?', StringComparison.Ordinal);
        return long.TryParse(query >= 0 ? tail[..query] : tail, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
