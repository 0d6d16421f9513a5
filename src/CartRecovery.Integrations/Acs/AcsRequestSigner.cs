using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Integrations.Acs;

/// <summary>
/// Signs a request for the ACS data plane (HMAC-SHA256 over verb, path and query, date, host and body hash), as
/// https://learn.microsoft.com/azure/communication-services/tutorials/hmac-header-tutorial describes.
/// </summary>
public static class AcsRequestSigner
{
    public static void Sign(HttpRequestMessage request, byte[] body, byte[] accessKey, DateTimeOffset now)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var date = now.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body));
        var stringToSign = StringToSign(request.Method.Method, uri, date, contentHash);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(accessKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        request.Headers.TryAddWithoutValidation("x-ms-content-sha256", contentHash);
        request.Headers.TryAddWithoutValidation("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    public static string StringToSign(string method, Uri uri, string date, string contentHash) =>
        $"{method.ToUpperInvariant()}\n{uri.PathAndQuery}\n{date};{uri.Authority};{contentHash}";
}
