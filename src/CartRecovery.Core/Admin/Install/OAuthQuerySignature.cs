using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Core.Admin.Install;

/// <summary>
/// Shopify's signature on the install and callback query strings: the hex HMAC-SHA256, with the app's client secret, of
/// every other parameter (<c>hmac</c> and <c>signature</c> left out) sorted by name as <c>name=value</c> joined by <c>&amp;</c>.
/// Compared in constant time against every configured secret (rotation).
/// </summary>
public static class OAuthQuerySignature
{
    public static bool IsValid(IReadOnlyDictionary<string, string> query, IEnumerable<string> secrets)
    {
        if (!query.TryGetValue("hmac", out var hmac) || hmac.Length != 64 || !hmac.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var given = Convert.FromHexString(hmac);
        var message = Encoding.UTF8.GetBytes(Message(query));
        var valid = false;
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
        {
            // Every secret is tried (no early exit), so timing says nothing about which one matched.
            valid |= CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message), given);
        }

        return valid;
    }

    /// <summary>The signed message; Shopify escapes <c>%</c>, <c>&amp;</c> (and <c>=</c> in names) so pairs stay unambiguous.</summary>
    public static string Message(IReadOnlyDictionary<string, string> query) => string.Join('&', query
        .Where(p => p.Key is not ("hmac" or "signature"))
        .OrderBy(p => p.Key, StringComparer.Ordinal)
        .Select(p => $"{Escape(p.Key, isName: true)}={Escape(p.Value, isName: false)}"));

    /// <summary>Signs a query as Shopify does (for tests and local fakes that play Shopify).</summary>
    public static string Sign(IReadOnlyDictionary<string, string> query, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(Message(query))));

    private static string Escape(string value, bool isName)
    {
        var escaped = value.Replace("%", "%25", StringComparison.Ordinal).Replace("&", "%26", StringComparison.Ordinal);
        return isName ? escaped.Replace("=", "%3D", StringComparison.Ordinal) : escaped;
    }
}
