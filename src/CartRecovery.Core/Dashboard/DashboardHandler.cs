using System.Net;
using System.Text;
using CartRecovery.Core.Http;
using CartRecovery.Core.Shopify;

namespace CartRecovery.Core.Dashboard;

/// <summary>
/// <c>GET /api/app</c>: the merchant dashboard, embedded in Shopify admin; <c>GET /api/app/assets/{name}</c>: its script
/// and styles; <c>POST /api/app/dev-session</c>: the development login. The page holds no data: it fetches everything from
/// the merchant API with a session token (App Bridge's <c>shopify.idToken()</c> in Shopify admin, the development login
/// locally), so there is no cookie and nothing a cross-site request could ride on.
/// </summary>
public sealed class DashboardHandler(ShopifyOptions shopify, DashboardOptions options, TimeProvider time)
{
    /// <summary>App Bridge's script: loaded only when Shopify admin opens the page (it passes <c>host</c>), so a local or offline page needs no CDN.</summary>
    public const string AppBridgeScript = "https://cdn.shopify.com/shopifycloud/app-bridge.js";

    public Task<HostResponse> PageAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var shop = ShopDomain.Normalize(request.QueryValue("shop"));
        var embedded = shop is not null && !string.IsNullOrEmpty(request.QueryValue("host"));
        var html = Encoding.UTF8.GetString(DashboardAssets.Shell.Body)
            .Replace("{{apiKey}}", WebUtility.HtmlEncode(shopify.ApiKey), StringComparison.Ordinal)
            .Replace("{{shop}}", shop ?? string.Empty, StringComparison.Ordinal)
            .Replace("{{appBridge}}", embedded ? $"<script src=\"{AppBridgeScript}\"></script>" : string.Empty, StringComparison.Ordinal);
        var headers = new Dictionary<string, string>
        {
            ["Content-Security-Policy"] = ContentSecurityPolicy(shop),
            ["Cache-Control"] = "no-store",
            ["X-Content-Type-Options"] = "nosniff",
            ["Referrer-Policy"] = "same-origin",
        };
        return Task.FromResult(new HostResponse(200, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html), headers));
    }

    public Task<HostResponse> AssetAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var name = request.RouteValue("name") ?? string.Empty;
        if (name == "index.html" || DashboardAssets.Find(name) is not { } asset)
        {
            return Task.FromResult(HostResponse.Problem(404, "Not found", "No such dashboard asset."));
        }

        var headers = new Dictionary<string, string>
        {
            ["Cache-Control"] = "no-cache",
            ["ETag"] = asset.ETag,
            ["X-Content-Type-Options"] = "nosniff",
        };
        return Task.FromResult(request.Header("If-None-Match") == asset.ETag
            ? new HostResponse(304, null, ReadOnlyMemory<byte>.Empty, headers)
            : new HostResponse(200, asset.ContentType, asset.Body, headers));
    }

    /// <summary>A session token for the configured development shop; 404 unless the host runs in Development with one configured.</summary>
    public Task<HostResponse> DevSessionAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (!options.DevLoginEnabled || ShopDomain.Normalize(options.DevShop) is not { } shop)
        {
            return Task.FromResult(HostResponse.Problem(
                404,
                "No development login",
                "The development login exists only when the server runs in the Development environment with Dashboard:DevShop set. In Shopify admin, App Bridge supplies the session token."));
        }

        if (shopify.ApiKey.Length == 0 || !shopify.ApiSecrets.Any(s => s.Length > 0))
        {
            return Task.FromResult(HostResponse.Problem(503, "No app credentials", "Set Shopify:ApiKey and Shopify:ApiSecrets:0 to sign development session tokens."));
        }

        var now = time.GetUtcNow();
        var token = DevSessionTokens.Issue(shopify, shop, now, options.DevTokenLifetime);
        var body = HostResponse.Ok(new { shop, token, expiresAt = now + options.DevTokenLifetime });
        return Task.FromResult(body with { Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" } });
    }

    /// <summary>Shopify requires <c>frame-ancestors</c> naming the shop and admin.shopify.com; everything else only from this origin.</summary>
    public static string ContentSecurityPolicy(string? shop) =>
        "default-src 'self'; " +
        "script-src 'self' https://cdn.shopify.com; " +
        "style-src 'self' 'unsafe-inline'; " + // email previews carry inline styles; they render in a sandboxed frame without scripts
        "img-src 'self' data: https: http:; " +
        "connect-src 'self' https://*.shopify.com; " +
        "frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; " +
        $"frame-ancestors {(shop is null ? string.Empty : $"https://{shop} ")}https://admin.shopify.com";
}
