using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CartRecovery.Integrations.Push;

/// <summary>
/// The VAPID authorisation of a push request (RFC 8292): an ES256 JWT for the push service's origin, signed with the
/// application server's key, sent as <c>Authorization: vapid t=…, k=…</c>.
/// </summary>
public static class VapidToken
{
    public static string AuthorizationFor(Uri endpoint, WebPushSettings settings, DateTimeOffset now)
    {
        var publicKey = Base64Url.DecodeFromChars(Required(settings.PublicKey, "PublicKey"));
        var privateKey = Base64Url.DecodeFromChars(Required(settings.PrivateKey, "PrivateKey"));
        using var signer = ECDsa.Create(P256.Parameters(publicKey, privateKey));
        var jwt = Create(endpoint, settings.Subject, now.AddHours(12), signer);
        return $"vapid t={jwt}, k={Base64Url.EncodeToString(publicKey)}";
    }

    public static string Create(Uri endpoint, string subject, DateTimeOffset expires, ECDsa signer)
    {
        var header = Encode(new Dictionary<string, object> { ["typ"] = "JWT", ["alg"] = "ES256" });
        var claims = Encode(new Dictionary<string, object>
        {
            ["aud"] = endpoint.GetLeftPart(UriPartial.Authority),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["sub"] = subject,
        });
        var signingInput = $"{header}.{claims}";
        // ECDsa signs in the IEEE P1363 (r||s) form by default, which is what JWS ES256 wants.
        var signature = signer.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static string Encode(Dictionary<string, object> value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));

    private static string Required(string? value, string name) =>
        value is { Length: > 0 } ? value : throw new InvalidOperationException($"Push:WebPush:{name} is not configured.");
}
