using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Admin;

/// <summary>
/// <c>Shopify:AdminBaseUrl</c> must name <c>{shop}</c> and be https (plain http only to loopback, where the test fakes
/// run: an access token never crosses a network in clear); the version is <c>YYYY-MM</c>; attempts at least one.
/// </summary>
public sealed partial class ShopifyAdminOptionsValidator : IValidateOptions<ShopifyAdminOptions>
{
    public ValidateOptionsResult Validate(string? name, ShopifyAdminOptions options)
    {
        var failures = new List<string>();
        if (!options.AdminBaseUrl.Contains("{shop}", StringComparison.Ordinal)
            || !Uri.TryCreate(options.AdminBaseUrl.Replace("{shop}", "example.myshopify.com", StringComparison.Ordinal), UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri))))
        {
            failures.Add("Shopify:AdminBaseUrl must be an https URL containing {shop} (http only for 127.0.0.1 or localhost), e.g. https://{shop}.");
        }

        if (!Version().IsMatch(options.AdminApiVersion))
        {
            failures.Add("Shopify:AdminApiVersion must be a Shopify API version such as 2026-07.");
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add("Shopify:MaxAttempts must be at least 1.");
        }

        if (options.Scopes.Any(s => string.IsNullOrWhiteSpace(s) || s.Contains(',', StringComparison.Ordinal)))
        {
            failures.Add("Shopify:Scopes must list one scope per entry, e.g. read_orders.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLoopback(Uri uri) => uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex("^[0-9]{4}-(01|04|07|10)$|^unstable$", RegexOptions.CultureInvariant)]
    private static partial Regex Version();
}
