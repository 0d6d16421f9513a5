using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CartRecovery.Server.Tests.Messages;

/// <summary>Shopify session tokens as App Bridge issues them, signed with the test server's secret.</summary>
internal static class SessionTokens
{
    public static string BearerFor(string shop, string secret = "test-secret", string audience = "test-app")
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(new { alg = "HS256", typ = "JWT" });
        var claims = Encode(new { iss = $"https://{shop}/admin", dest = $"https://{shop}", aud = audience, sub = "1", exp = now + 60, nbf = now - 5, iat = now - 5 });
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes($"{header}.{claims}")));
        return $"Bearer {header}.{claims}.{signature}";
    }

    private static string Encode(object value) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(value));
}
