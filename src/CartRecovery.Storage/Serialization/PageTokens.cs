using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Storage.Serialization;

/// <summary>
/// The continuation tokens the merchant API hands out: the table service's token bound to the listing it came from (the
/// shop and the query) and checked on the way back in. A token that is garbage, too long, altered or from another listing
/// is refused here (<see cref="ArgumentException"/>, a 400 for the caller) instead of reaching the service, which answers
/// an over-long one with 431 and, on Azurite, reads a garbage one as "from the start".
/// </summary>
public static class PageTokens
{
    /// <summary>Service tokens are two short key markers; anything longer than this was not made here.</summary>
    public const int MaxLength = 2048;
    private const int CheckBytes = 12;

    public static string? Wrap(string scope, string? serviceToken)
    {
        if (serviceToken is null)
        {
            return null;
        }

        var payload = Encoding.UTF8.GetBytes(serviceToken);
        return Base64Url(Check(scope, payload).Concat(payload).ToArray());
    }

    /// <summary>The service token, or null for none (the first page). Throws <see cref="ArgumentException"/> for a token not made by <see cref="Wrap"/> for this scope.</summary>
    public static string? Unwrap(string scope, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        if (token.Length > MaxLength || !TryFromBase64Url(token, out var bytes) || bytes.Length <= CheckBytes
            || !CryptographicOperations.FixedTimeEquals(bytes.AsSpan(0, CheckBytes), Check(scope, bytes.AsSpan(CheckBytes))))
        {
            throw new ArgumentException("The continuation token was not issued for this listing.", nameof(token));
        }

        return Encoding.UTF8.GetString(bytes, CheckBytes, bytes.Length - CheckBytes);
    }

    private static byte[] Check(string scope, ReadOnlySpan<byte> payload)
    {
        var scopeBytes = Encoding.UTF8.GetBytes(scope + "\n");
        var data = new byte[scopeBytes.Length + payload.Length];
        scopeBytes.CopyTo(data, 0);
        payload.CopyTo(data.AsSpan(scopeBytes.Length));
        return SHA256.HashData(data)[..CheckBytes];
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string token, out byte[] bytes)
    {
        var s = token.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        var buffer = new byte[s.Length];
        var ok = Convert.TryFromBase64String(s, buffer, out var written);
        bytes = ok ? buffer[..written] : [];
        return ok;
    }
}
