using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CartRecovery.Demo;

/// <summary>
/// Everything the demo does over HTTP, as Shopify, the merchant and the shopper would: signed webhooks, the merchant API
/// with a development session token, tracking links, and MailDev's mailbox.
/// </summary>
public sealed class ProductClient(DemoOptions options) : IDisposable
{
    private readonly HttpClient http = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = options.ServerUrl, Timeout = TimeSpan.FromSeconds(30) };
    private readonly HttpClient mail = new() { BaseAddress = options.MailDevUrl, Timeout = TimeSpan.FromSeconds(30) };
    private (string Token, DateTimeOffset Expires)? session;

    public string Shop { get; private set; } = string.Empty;

    public async Task<bool> IsUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("api/health", cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The development login: the shop it is for becomes the demo's shop.</summary>
    public async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (session is { } s && s.Expires - DateTimeOffset.UtcNow > TimeSpan.FromSeconds(15))
        {
            return s.Token;
        }

        using var response = await http.PostAsync("api/app/dev-session", null, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"The server's development login answered {(int)response.StatusCode}: run the server in Development with Dashboard__DevShop set (scripts/run.sh does).");
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        Shop = json.RootElement.GetProperty("shop").GetString()!;
        session = (json.RootElement.GetProperty("token").GetString()!, json.RootElement.GetProperty("expiresAt").GetDateTimeOffset());
        return session.Value.Token;
    }

    public async Task<(HttpStatusCode Status, JsonElement? Body)> MerchantAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, $"api/stores/{Shop}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        JsonElement? parsed = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true)
        {
            using var json = JsonDocument.Parse(text);
            parsed = json.RootElement.Clone();
        }

        return (response.StatusCode, parsed);
    }

    public async Task WebhookAsync(string topic, byte[] body, string secret, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/webhooks/shopify") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-Shopify-Topic", topic);
            request.Headers.TryAddWithoutValidation("X-Shopify-Shop-Domain", Shop);
            request.Headers.TryAddWithoutValidation("X-Shopify-API-Version", "2026-07");
            request.Headers.TryAddWithoutValidation("X-Shopify-Webhook-Id", Guid.NewGuid().ToString());
            request.Headers.TryAddWithoutValidation("X-Shopify-Event-Id", Guid.NewGuid().ToString());
            request.Headers.TryAddWithoutValidation("X-Shopify-Triggered-At", DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation("X-Shopify-Hmac-Sha256", Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            // 503 with Retry-After is the server's back-pressure, as Shopify would see it: retry like Shopify does.
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable || attempt >= 10)
            {
                throw new InvalidOperationException($"The webhook {topic} was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }

            await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
        }
    }

    /// <summary>Follows a tracking link as a mail client or browser would (one request; the redirect is not followed).</summary>
    public async Task<int> VisitAsync(string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(url).PathAndQuery.TrimStart('/'), cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>Every email in MailDev: (id, recipient, html).</summary>
    public async Task<IReadOnlyList<(string Id, string To, string Html)>> EmailsAsync(CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(await mail.GetStringAsync("email", cancellationToken));
        return json.RootElement.EnumerateArray()
            .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("to")[0].GetProperty("address").GetString()!.ToLowerInvariant(), e.TryGetProperty("html", out var h) ? h.GetString() ?? string.Empty : string.Empty))
            .ToList();
    }

    public void Dispose()
    {
        http.Dispose();
        mail.Dispose();
    }
}
