namespace CartRecovery.Core.Webhooks;

/// <summary>The headers Shopify sends with every delivery (looked up case-insensitively: HTTP/2 lower-cases them).</summary>
public static class WebhookHeaders
{
    public const string Topic = "X-Shopify-Topic";
    public const string Hmac = "X-Shopify-Hmac-Sha256";
    public const string ShopDomain = "X-Shopify-Shop-Domain";
    public const string ApiVersion = "X-Shopify-API-Version";
    public const string WebhookId = "X-Shopify-Webhook-Id";
    public const string EventId = "X-Shopify-Event-Id";
    public const string TriggeredAt = "X-Shopify-Triggered-At";
}
