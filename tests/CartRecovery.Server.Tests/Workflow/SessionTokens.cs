using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>Shopify session tokens as App Bridge issues them (HS256 over the app secret), valid or broken on purpose.</summary>
internal static class SessionTokens
{
    public const string ApiKey = "test-app";
    public const string Secret = "test-secret";

    public static string For(string shop, string secret = Secret, string audience = ApiKey, TimeSpan? expiresIn = null)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = $"https://{shop}/admin",
            dest = $"https://{shop}",
            aud = audience,
            sub = "42",
            exp = (now + (expiresIn ?? TimeSpan.FromMinutes(1))).ToUnixTimeSeconds(),
            nbf = now.AddMinutes(-1).ToUnixTimeSeconds(),
            iat = now.AddMinutes(-1).ToUnixTimeSeconds(),
        }));
        var signature = Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload)));
        return $"{header}.{payload}.{signature}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
