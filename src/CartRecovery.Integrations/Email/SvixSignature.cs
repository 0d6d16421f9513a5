using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Integrations.Email;

/// <summary>
/// Verifies a Svix-signed webhook (Resend's): HMAC-SHA256 with the <c>whsec_</c> secret over <c>{svix-id}.{svix-timestamp}.{body}</c>,
/// compared in constant time against each <c>v1,</c> signature of <c>svix-signature</c>, and a timestamp within the tolerance
/// (so a captured request cannot be replayed later).
/// </summary>
public static class SvixSignature
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    public static SvixVerification Verify(string secret, string? id, string? timestamp, string? signatures, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return SvixVerification.MissingHeaders;
        }

        if (!long.TryParse(timestamp, out var seconds) || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).TotalSeconds) > Tolerance.TotalSeconds)
        {
            return SvixVerification.StaleTimestamp;
        }

        var expected = HMACSHA256.HashData(KeyOf(secret), (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]);
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = candidate.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || candidate[..comma] != "v1")
            {
                continue;
            }

            var given = new byte[expected.Length];
            if (Convert.TryFromBase64String(candidate[(comma + 1)..], given, out var length)
                && length == expected.Length
                && CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return SvixVerification.Valid;
            }
        }

        return SvixVerification.BadSignature;
    }

    /// <summary>Signs as Svix does (for tests and for tooling that replays events locally).</summary>
    public static string Sign(string secret, string id, string timestamp, ReadOnlySpan<byte> body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), (byte[])[.. Encoding.UTF8.GetBytes($"{id}.{timestamp}."), .. body]));

    private static byte[] KeyOf(string secret) =>
        Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
}

public enum SvixVerification
{
    Valid,
    MissingHeaders,
    StaleTimestamp,
    BadSignature,
}
