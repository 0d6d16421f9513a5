using CartRecovery.Core.Http;
using CartRecovery.Core.Shops;

namespace CartRecovery.Core.Storefront;

/// <summary>
/// Cross-origin access for the storefront script: only pages on the store's own domains may read popup data or post events.
/// A request without an Origin header is not a cross-origin browser request and is answered without CORS headers.
/// </summary>
public static class StorefrontCors
{
    /// <summary>The CORS headers to answer with, or null when the request's origin is not one of the store's.</summary>
    public static Dictionary<string, string>? HeadersFor(HostRequest request, ShopProfile store, bool allowInsecure)
    {
        var origin = request.Header("Origin");
        var headers = new Dictionary<string, string> { ["Vary"] = "Origin", ["Cache-Control"] = "no-store" };
        if (string.IsNullOrEmpty(origin))
        {
            return headers;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || !IsAllowed(uri, store, allowInsecure))
        {
            return null;
        }

        headers["Access-Control-Allow-Origin"] = origin;
        return headers;
    }

    private static bool IsAllowed(Uri origin, ShopProfile store, bool allowInsecure)
    {
        var schemeOk = origin.Scheme == Uri.UriSchemeHttps || (allowInsecure && origin.Scheme == Uri.UriSchemeHttp);
        var host = origin.IdnHost.ToLowerInvariant();
        return schemeOk && (origin.IsDefaultPort || allowInsecure) && store.Domains.Contains(host, StringComparer.Ordinal);
    }
}
