using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Integrations.Delivery;

/// <summary>
/// Provider-shaped ids derived from a step's idempotency key, so a retried or replayed send carries the same id every time
/// (ACS wants a UUID, Resend a key of at most 256 characters, SMTP a Message-ID, Web Push a topic of at most 32 characters).
/// </summary>
public static class IdempotencyIds
{
    /// <summary>A stable UUID (version 8, RFC 9562) from the key.</summary>
    public static Guid GuidFor(string idempotencyKey)
    {
        var bytes = Hash(idempotencyKey).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The key itself when it fits and is printable ASCII, else a hash of it.</summary>
    public static string HeaderValueFor(string idempotencyKey, int maxLength = 256) =>
        idempotencyKey.Length <= maxLength && idempotencyKey.All(c => c is > ' ' and < (char)127)
            ? idempotencyKey
            : "sha256-" + Convert.ToHexStringLower(Hash(idempotencyKey))[..Math.Min(64, maxLength - 7)];

    /// <summary>Lower-case hex of the key's SHA-256, shortened to <paramref name="length"/> characters.</summary>
    public static string HexFor(string idempotencyKey, int length = 32) => Convert.ToHexStringLower(Hash(idempotencyKey))[..length];

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
