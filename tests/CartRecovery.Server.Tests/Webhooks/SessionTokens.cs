using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CartRecovery.Server.Tests.Webhooks;

/// <summary>Shopify App Bridge session tokens (HS256 JWTs signed with the app secret), as the merchant's admin page sends them.</summary>
internal static class SessionTokens
{
    public static string For(string shop, DateTimeOffset now, string secret = WebhookServer.Secret, string audience = "test-app")
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = $"https://{shop}/admin",
            dest = $"https://{shop}",
            aud = audience,
            sub = "42",
            exp = now.AddMinutes(1).ToUnixTimeSeconds(),
            nbf = now.AddSeconds(-5).ToUnixTimeSeconds(),
            iat = now.ToUnixTimeSeconds(),
            jti = Guid.NewGuid().ToString(),
        }));
        var signature = Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload)));
        return $"{header}.{payload}.{signature}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
