using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Testing;

/// <summary>A webhook as Shopify sends it: raw JSON body, HMAC over exactly those bytes, and the X-Shopify-* headers.</summary>
public static class ShopifyWebhookRequest
{
    public static string Sign(byte[] body, string secret) => Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static HttpRequestMessage Create(
        string topic,
        string shop,
        byte[] body,
        string? secret,
        string? webhookId = null,
        string? eventId = null,
        DateTimeOffset? triggeredAt = null,
        string path = "/api/webhooks/shopify")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Shopify-Topic", topic);
        request.Headers.TryAddWithoutValidation("X-Shopify-Shop-Domain", shop);
        request.Headers.TryAddWithoutValidation("X-Shopify-API-Version", "2026-07");
        request.Headers.TryAddWithoutValidation("X-Shopify-Webhook-Id", webhookId ?? Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("X-Shopify-Event-Id", eventId ?? Guid.NewGuid().ToString());
        request.Headers.TryAddWithoutValidation("X-Shopify-Triggered-At", (triggeredAt ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Shopify-Hmac-Sha256", Sign(body, secret));
        }

        return request;
    }
}
