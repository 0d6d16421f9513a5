using System.Security.Cryptography;
using System.Text;
using CartRecovery.Testing;

namespace CartRecovery.Integrations.Tests.Delivery;

/// <summary>
/// Checks an ACS HMAC signature the way the service does, computed here from the request as received (not with the
/// production signer): verb, path and query, x-ms-date, Host and the body's SHA-256.
/// </summary>
internal static class AcsSignature
{
    public static void AssertValid(RecordedRequest request, byte[] accessKey)
    {
        var bodyHash = Convert.ToBase64String(SHA256.HashData(request.Body));
        Assert.Equal(bodyHash, request.Header("x-ms-content-sha256"));
        var date = request.Header("x-ms-date")!;
        Assert.True(DateTimeOffset.TryParse(date, out _), "x-ms-date is an RFC 1123 date");
        var stringToSign = $"{request.Method}\n{request.Path}{request.QueryString}\n{date};{request.Header("Host")};{bodyHash}";
        var expected = Convert.ToBase64String(new HMACSHA256(accessKey).ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        Assert.Equal($"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={expected}", request.Header("Authorization"));
    }
}
