namespace CartRecovery.Core.Admin;

/// <summary>How the app reaches each shop's Admin API (section <c>Shopify</c>, beside the app's credentials).</summary>
public sealed class ShopifyAdminOptions
{
    public const string Section = "Shopify";

    /// <summary>The Admin API version every call is pinned to (Shopify supports each version for a year).</summary>
    public const string PinnedApiVersion = "2026-07";

    /// <summary>
    /// Where a shop's OAuth and GraphQL endpoints live; <c>{shop}</c> is replaced by its myshopify.com domain. Only tests and
    /// local fakes change it (e.g. <c>http://127.0.0.1:PORT/{shop}</c>); plain http is refused for anything but loopback.
    /// </summary>
    public string AdminBaseUrl { get; set; } = "https://{shop}";

    public string AdminApiVersion { get; set; } = PinnedApiVersion;

    /// <summary>The access scopes the app asks for on install (the README says why each is needed).</summary>
    public List<string> Scopes { get; set; } = ["read_orders", "read_products", "read_inventory", "write_discounts"];

    /// <summary>How long an install's state nonce stays usable between the redirect to Shopify and the callback.</summary>
    public TimeSpan InstallNonceLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An expiring token is renewed this long before it expires.</summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts per Admin call for transient failures (5xx, timeouts, network); THROTTLED waits do not count.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The longest one call waits in total for the shop's cost bucket to refill before it gives up (transient).</summary>
    public TimeSpan MaxThrottleWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shop's base URL for <paramref name="shop"/> (a valid, normalized myshopify.com domain), without a trailing slash.</summary>
    public Uri BaseUriFor(string shop) => new(AdminBaseUrl.Replace("{shop}", shop, StringComparison.Ordinal).TrimEnd('/') + "/");
}
