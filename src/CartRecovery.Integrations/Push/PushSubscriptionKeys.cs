using System.Buffers.Text;
using System.Security.Cryptography;

namespace CartRecovery.Integrations.Push;

/// <summary>
/// Whether a browser's subscription keys can be encrypted to: <c>p256dh</c> a P-256 point (65 bytes, uncompressed, on the
/// curve) and <c>auth</c> 16 bytes, both base64url. Checked when a subscription is stored and again before sending, so a
/// bad key is a clear refusal rather than an exception from inside the push library.
/// </summary>
public static class PushSubscriptionKeys
{
    public static bool AreValid(string? p256dh, string? auth) =>
        Decoded(auth)?.Length == 16 && Decoded(p256dh) is { Length: 65 } point && point[0] == 0x04 && IsOnCurve(point);

    private static bool IsOnCurve(byte[] point)
    {
        try
        {
            using var key = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point[1..33], Y = point[33..] },
            });
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static byte[]? Decoded(string? base64Url)
    {
        if (string.IsNullOrEmpty(base64Url))
        {
            return null;
        }

        try
        {
            return Base64Url.DecodeFromChars(base64Url);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
