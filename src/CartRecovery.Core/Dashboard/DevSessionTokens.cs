using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Shopify;

namespace CartRecovery.Core.Dashboard;

/// <summary>
/// Session tokens shaped exactly like App Bridge's (HS256 over the app's client secret, <c>aud</c> the client id,
/// <c>dest</c> the shop), so the merchant API checks a development token the same way as a real one.
/// </summary>
public static class DevSessionTokens
{
    public static string Issue(ShopifyOptions shopify, string shop, DateTimeOffset now, TimeSpan lifetime)
    {
        var secret = shopify.ApiSecrets.FirstOrDefault(s => s.Length > 0)
            ?? throw new InvalidOperationException("Shopify:ApiSecrets:0 is not set, so no session token can be signed.");
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = $"https://{shop}/admin",
            dest = $"https://{shop}",
            aud = shopify.ApiKey,
            sub = "dev-login",
            exp = (now + lifetime).ToUnixTimeSeconds(),
            nbf = now.AddSeconds(-5).ToUnixTimeSeconds(),
            iat = now.ToUnixTimeSeconds(),
            jti = Guid.NewGuid().ToString("N"),
        }));
        var signature = Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload)));
        return $"{header}.{payload}.{signature}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
