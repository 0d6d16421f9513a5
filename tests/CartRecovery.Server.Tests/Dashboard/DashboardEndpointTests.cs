using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CartRecovery.Core.Dashboard;
using CartRecovery.Server.Tests.Hosting;

namespace CartRecovery.Server.Tests.Dashboard;

/// <summary>The dashboard's routes over real HTTP: the frame policy Shopify requires, App Bridge only when embedded, and the development login only in Development.</summary>
public sealed class DashboardEndpointTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_lets_only_the_shop_and_shopify_admin_frame_it_and_loads_app_bridge_only_when_embedded()
    {
        await using var host = await ServerHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var embedded = await client.GetAsync("api/app?shop=Some-Shop.myshopify.com&host=YWRtaW4uc2hvcGlmeS5jb20v&embedded=1", Cancel);
        using var local = await client.GetAsync("api/app", Cancel);
        using var spoofed = await client.GetAsync("api/app?shop=evil.example.com%22%3E&host=x", Cancel);

        Assert.Equal(HttpStatusCode.OK, embedded.StatusCode);
        var policy = embedded.Headers.GetValues("Content-Security-Policy").Single();
        Assert.EndsWith("frame-ancestors https://some-shop.myshopify.com https://admin.shopify.com", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' https://cdn.shopify.com;", policy, StringComparison.Ordinal);
        var html = await embedded.Content.ReadAsStringAsync(Cancel);
        Assert.Contains($"<script src=\"{DashboardHandler.AppBridgeScript}\"></script>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"shopify-api-key\" content=\"test-app\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.shopify.com", await local.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.EndsWith("frame-ancestors https://admin.shopify.com", local.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var spoofedHtml = await spoofed.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("evil", spoofedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("evil", spoofed.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("app-core.js", "text/javascript")]
    [InlineData("app.css", "text/css")]
    public async Task Assets_are_served_with_an_etag_and_unknown_names_are_404(string name, string type)
    {
        await using var host = await ServerHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var first = await client.GetAsync($"api/app/assets/{name}", Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/app/assets/{name}");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await client.SendAsync(request, Cancel);
        using var shell = await client.GetAsync("api/app/assets/index.html", Cancel);
        using var missing = await client.GetAsync("api/app/assets/secrets.json", Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(type, first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, shell.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Outside_development_there_is_no_development_login()
    {
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:DevShop"] = "dev-shop.myshopify.com" }, environment: "Production");
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.PostAsync("api/app/dev-session", null, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task In_development_the_login_issues_a_short_lived_token_for_the_configured_shop_only()
    {
        await using var host = await ServerHost.StartAsync(new Dictionary<string, string?> { ["Dashboard:DevShop"] = "dev-shop.myshopify.com" }, environment: "Development");
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var login = await client.PostAsync("api/app/dev-session", null, Cancel);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("no-store", login.Headers.CacheControl!.ToString());
        using var json = JsonDocument.Parse(await login.Content.ReadAsStringAsync(Cancel));
        var token = json.RootElement.GetProperty("token").GetString();
        Assert.Equal("dev-shop.myshopify.com", json.RootElement.GetProperty("shop").GetString());
        Assert.InRange(json.RootElement.GetProperty("expiresAt").GetDateTimeOffset() - DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(61));

        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "api/stores/dev-shop.myshopify.com/config", token));
        Assert.Equal(HttpStatusCode.Forbidden, await GetAsync(client, "api/stores/other-shop.myshopify.com/config", token));
        Assert.Equal(HttpStatusCode.Unauthorized, await GetAsync(client, "api/stores/dev-shop.myshopify.com/config", null));
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await client.SendAsync(request, Cancel);
        return response.StatusCode;
    }
}
