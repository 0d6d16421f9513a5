using System.Security.Cryptography;
using System.Text;
using CartRecovery.Core.Shopify;

namespace CartRecovery.Core.Webhooks;

/// <summary>
/// Checks <c>X-Shopify-Hmac-Sha256</c>: the base64 HMAC-SHA256 of the raw body keyed with the app's client secret.
/// Every configured secret is tried (a rotation has two) and every comparison runs in constant time, whatever matched,
/// so timing tells an attacker nothing about which bytes or which secret were right.
/// </summary>
public sealed class WebhookSignature
{
    private const int HmacLength = 32;
    private readonly byte[][] keys;

    public WebhookSignature(ShopifyOptions options)
    {
        keys = options.ApiSecrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => Encoding.UTF8.GetBytes(s)).ToArray();
    }

    public bool HasSecrets => keys.Length > 0;

    public bool IsValid(ReadOnlySpan<byte> rawBody, string? headerValue)
    {
        if (keys.Length == 0 || string.IsNullOrWhiteSpace(headerValue))
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[HmacLength + 3];
        if (!Convert.TryFromBase64String(headerValue.Trim(), presented, out var written) || written != HmacLength)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HmacLength];
        var valid = false;
        foreach (var key in keys)
        {
            HMACSHA256.HashData(key, rawBody, expected);
            valid |= CryptographicOperations.FixedTimeEquals(expected, presented[..HmacLength]);
        }

        return valid;
    }

    /// <summary>The header value Shopify would send for <paramref name="rawBody"/> signed with <paramref name="secret"/> (tests and the load generator).</summary>
    public static string Sign(ReadOnlySpan<byte> rawBody, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), rawBody));
}
