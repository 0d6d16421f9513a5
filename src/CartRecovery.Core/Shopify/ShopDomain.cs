using System.Text.RegularExpressions;

namespace CartRecovery.Core.Shopify;

/// <summary>A store's permanent domain, <c>{name}.myshopify.com</c>: the only form accepted from headers, tokens and routes.</summary>
public static partial class ShopDomain
{
    public static bool IsValid(string? domain) => domain is not null && Pattern().IsMatch(domain);

    /// <summary>The domain in lower case, or null when it is not a valid <c>*.myshopify.com</c> domain.</summary>
    public static string? Normalize(string? domain) => IsValid(domain) ? domain!.ToLowerInvariant() : null;

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,60}\\.myshopify\\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
