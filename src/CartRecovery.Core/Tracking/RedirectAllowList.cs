using CartRecovery.Core.Shops;


namespace CartRecovery.Core.Tracking;

/// <summary>
/// Where a tracked link may send a customer: only the store's own domains (its myshopify domain and its configured
/// custom domains), over https on the default port. Anything else is an open redirect and is refused.
/// </summary>
public static class RedirectAllowList
{
    public static bool IsAllowed(string? target, ShopProfile store, bool allowInsecure)
    {
        // Control characters (CR/LF) could split the Location header; Uri parsing would quietly drop some of them.
        if (target is null || target.Any(char.IsControl) || !Uri.TryCreate(target, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        var secure = uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort;
        var insecureAllowed = allowInsecure && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
        if (!secure && !insecureAllowed)
        {
            return false;
        }

        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        return store.Domains.Any(d => string.Equals(d, host, StringComparison.Ordinal));
    }
}
