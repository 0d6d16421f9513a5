using System.Text.Json;
using CartRecovery.Core.Shopify.Payloads;

namespace CartRecovery.Core.Webhooks;

/// <summary>
/// Reads a payload into its topic's model and checks the fields that topic cannot do without. Runs before the delivery is
/// recorded, so a malformed or incomplete body is answered with 400 and never reaches storage.
/// </summary>
public static class WebhookPayloadParser
{
    public static WebhookParseResult Parse(WebhookTopic topic, ReadOnlySpan<byte> body, string shop)
    {
        if (!StartsAsObject(body))
        {
            return WebhookParseResult.Fail("The body must be a JSON object.");
        }

        if (TopicShapes.Mismatch(topic, body) is { } mismatch)
        {
            return WebhookParseResult.Fail(mismatch);
        }

        try
        {
            return topic switch
            {
                WebhookTopic.CartsCreate or WebhookTopic.CartsUpdate => Cart(topic, Read<ShopifyCart>(body)),
                WebhookTopic.CheckoutsCreate or WebhookTopic.CheckoutsUpdate => Checkout(topic, Read<ShopifyCheckout>(body)),
                WebhookTopic.CheckoutsDelete => CheckoutDeletion(Read<ShopifyCheckoutDeletion>(body)),
                WebhookTopic.OrdersCreate or WebhookTopic.OrdersPaid => Order(topic, Read<ShopifyOrder>(body)),
                WebhookTopic.OrdersCancelled => Order(topic, Read<ShopifyOrder>(body)),
                WebhookTopic.RefundsCreate => Refund(Read<ShopifyRefund>(body)),
                WebhookTopic.AppUninstalled => Uninstalled(Read<ShopifyShop>(body), shop),
                WebhookTopic.CustomersDataRequest => DataRequest(Read<ShopifyCustomersDataRequest>(body), shop),
                WebhookTopic.CustomersRedact => CustomersRedact(Read<ShopifyCustomersRedact>(body), shop),
                WebhookTopic.ShopRedact => ShopRedact(Read<ShopifyShopRedact>(body), shop),
                _ => WebhookParseResult.Fail("The topic is not one this app processes."),
            };
        }
        catch (JsonException e)
        {
            return WebhookParseResult.Fail("The body is not valid JSON for its topic: " + Describe(e));
        }
    }

    private static WebhookParseResult Cart(WebhookTopic topic, ShopifyCart cart)
    {
        if (string.IsNullOrWhiteSpace(cart.Token ?? cart.Id))
        {
            return WebhookParseResult.Fail("A cart payload needs a token.");
        }

        return cart.LineItems is null ? WebhookParseResult.Fail("A cart payload needs line_items.")
            : LinesError(cart.LineItems) is { } error ? WebhookParseResult.Fail(error)
            : WebhookParseResult.Ok(topic, cart);
    }

    private static WebhookParseResult Checkout(WebhookTopic topic, ShopifyCheckout checkout)
    {
        if (string.IsNullOrWhiteSpace(checkout.Token))
        {
            return WebhookParseResult.Fail("A checkout payload needs a token.");
        }

        return checkout.LineItems is null ? WebhookParseResult.Fail("A checkout payload needs line_items.")
            : LinesError(checkout.LineItems) is { } error ? WebhookParseResult.Fail(error)
            : WebhookParseResult.Ok(topic, checkout);
    }

    private static WebhookParseResult CheckoutDeletion(ShopifyCheckoutDeletion deletion) =>
        deletion.Id is null && string.IsNullOrWhiteSpace(deletion.Token)
            ? WebhookParseResult.Fail("A checkouts/delete payload needs the checkout id.")
            : WebhookParseResult.Ok(WebhookTopic.CheckoutsDelete, deletion);

    private static WebhookParseResult Order(WebhookTopic topic, ShopifyOrder order) =>
        order.Id is null ? WebhookParseResult.Fail("An order payload needs an id.") : WebhookParseResult.Ok(topic, order);

    private static WebhookParseResult Refund(ShopifyRefund refund) =>
        refund.Id is null || refund.OrderId is null ? WebhookParseResult.Fail("A refunds/create payload needs id and order_id.")
        : refund.Transactions?.Any(t => t is null || t.Amount < 0) == true ? WebhookParseResult.Fail("A refund transaction is null or has a negative amount.")
        : WebhookParseResult.Ok(WebhookTopic.RefundsCreate, refund);

    private static WebhookParseResult Uninstalled(ShopifyShop shopPayload, string shop) =>
        string.IsNullOrWhiteSpace(shopPayload.MyshopifyDomain)
            ? WebhookParseResult.Fail("An app/uninstalled payload needs myshopify_domain.")
            : ShopMismatch(shopPayload.MyshopifyDomain, shop) ?? WebhookParseResult.Ok(WebhookTopic.AppUninstalled, shopPayload);

    private static WebhookParseResult DataRequest(ShopifyCustomersDataRequest request, string shop) =>
        ShopMismatch(request.ShopDomain, shop) ?? CustomerMissing(request.Customer) ?? WebhookParseResult.Ok(WebhookTopic.CustomersDataRequest, request);

    private static WebhookParseResult CustomersRedact(ShopifyCustomersRedact request, string shop) =>
        ShopMismatch(request.ShopDomain, shop) ?? CustomerMissing(request.Customer) ?? WebhookParseResult.Ok(WebhookTopic.CustomersRedact, request);

    private static WebhookParseResult ShopRedact(ShopifyShopRedact request, string shop) =>
        ShopMismatch(request.ShopDomain, shop) ?? WebhookParseResult.Ok(WebhookTopic.ShopRedact, request);

    /// <summary>The body names its shop: it must be the one the headers say (a body re-sent to another shop's address is refused).</summary>
    private static WebhookParseResult? ShopMismatch(string? payloadShop, string shop) =>
        !string.Equals(Shopify.ShopDomain.Normalize(payloadShop?.Trim()), shop, StringComparison.OrdinalIgnoreCase)
            ? WebhookParseResult.Fail("The shop the body names (shop_domain, myshopify_domain) does not match X-Shopify-Shop-Domain.")
            : null;

    private static WebhookParseResult? CustomerMissing(ShopifyPrivacyCustomer? customer) =>
        customer is null || (customer.Id is null && string.IsNullOrWhiteSpace(customer.Email) && string.IsNullOrWhiteSpace(customer.Phone))
            ? WebhookParseResult.Fail("A privacy payload needs a customer with an id, email or phone.")
            : null;

    private static string? LinesError(List<ShopifyLineItem> lines) =>
        lines.Any(l => l is null) ? "line_items must not contain null."
        : lines.Any(l => l.Quantity < 0) ? "A line item has a negative quantity."
        : null;

    private static T Read<T>(ReadOnlySpan<byte> body)
        where T : class =>
        JsonSerializer.Deserialize<T>(body, ShopifyJson.Options) ?? throw new JsonException("The body is null.");

    private static bool StartsAsObject(ReadOnlySpan<byte> body)
    {
        var trimmed = body.TrimStart(" \t\r\n"u8);
        return !trimmed.IsEmpty && trimmed[0] == (byte)'{';
    }

    /// <summary>The parser's position and kind of error, without the value that caused it (it could be personal data).</summary>
    private static string Describe(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"invalid value at {path}." : $"syntax error at line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1}.";
}
