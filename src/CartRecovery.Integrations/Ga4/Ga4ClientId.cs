using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Integrations.Ga4;

/// <summary>
/// The GA4 <c>client_id</c>: the one in the shopper's <c>_ga</c> cookie (<c>GA1.1.123456789.1700000000</c> gives
/// <c>123456789.1700000000</c>) when the storefront or click redirect saw it, else a stable pseudonymous id derived from the
/// shop and the shopper's key (hashed: no email ever reaches GA4) in the same two-number form.
/// </summary>
public static class Ga4ClientId
{
    public static string? FromGaCookie(string? cookie)
    {
        var parts = cookie?.Split('.');
        return parts is { Length: >= 4 } && parts[^2].All(char.IsAsciiDigit) && parts[^1].All(char.IsAsciiDigit) && parts[^2].Length > 0 && parts[^1].Length > 0
            ? $"{parts[^2]}.{parts[^1]}"
            : null;
    }

    public static string Pseudonymous(string shop, string subject)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ga4\n{shop.ToLowerInvariant()}\n{subject}"));
        var a = BinaryPrimitives.ReadUInt32BigEndian(hash) % 1_000_000_000;
        var b = BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(4)) % 1_000_000_000;
        return string.Create(CultureInfo.InvariantCulture, $"{a}.{b}");
    }
}
