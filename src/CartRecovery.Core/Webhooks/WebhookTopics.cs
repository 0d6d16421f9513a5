namespace CartRecovery.Core.Webhooks;

/// <summary>Maps <c>X-Shopify-Topic</c> values ("checkouts/update") to <see cref="WebhookTopic"/> and back.</summary>
public static class WebhookTopics
{
    private static readonly Dictionary<string, WebhookTopic> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["carts/create"] = WebhookTopic.CartsCreate,
        ["carts/update"] = WebhookTopic.CartsUpdate,
        ["checkouts/create"] = WebhookTopic.CheckoutsCreate,
        ["checkouts/update"] = WebhookTopic.CheckoutsUpdate,
        ["checkouts/delete"] = WebhookTopic.CheckoutsDelete,
        ["orders/create"] = WebhookTopic.OrdersCreate,
        ["orders/paid"] = WebhookTopic.OrdersPaid,
        ["orders/cancelled"] = WebhookTopic.OrdersCancelled,
        ["refunds/create"] = WebhookTopic.RefundsCreate,
        ["app/uninstalled"] = WebhookTopic.AppUninstalled,
        ["customers/data_request"] = WebhookTopic.CustomersDataRequest,
        ["customers/redact"] = WebhookTopic.CustomersRedact,
        ["shop/redact"] = WebhookTopic.ShopRedact,
    };

    private static readonly Dictionary<WebhookTopic, string> ToName = ByName.ToDictionary(p => p.Value, p => p.Key);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static WebhookTopic Parse(string? name) =>
        name is not null && ByName.TryGetValue(name.Trim(), out var topic) ? topic : WebhookTopic.Unknown;

    /// <summary>
    /// Shopify's mandatory compliance topics. Each answers for everything the shop sent before it, so each is processed only
    /// after the shop's earlier deliveries (docs/webhooks.md, "Ordering and concurrency").
    /// </summary>
    public static bool IsCompliance(WebhookTopic topic) =>
        topic is WebhookTopic.CustomersDataRequest or WebhookTopic.CustomersRedact or WebhookTopic.ShopRedact;

    public static string Name(WebhookTopic topic) => ToName.TryGetValue(topic, out var name) ? name : "unknown";
}
