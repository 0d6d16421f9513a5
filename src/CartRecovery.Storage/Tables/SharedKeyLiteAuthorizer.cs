using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// Shared Key Lite for the Table service, as Azure.Data.Tables signs: HMAC-SHA256 over
/// <c>x-ms-date + "\n" + "/" + account + encoded URI path</c>. With Azurite's path-style URLs the account appears twice.
/// </summary>
internal sealed class SharedKeyLiteAuthorizer(string accountName, byte[] accountKey, TimeProvider timeProvider) : ITableRequestAuthorizer
{
    private readonly string canonicalPrefix = "/" + accountName;
    private readonly string authorizationPrefix = accountName + ":";

    public ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var date = timeProvider.GetUtcNow().ToString("R", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("x-ms-date", date);
        var signature = Sign(date, request.RequestUri!.AbsolutePath);
        request.Headers.TryAddWithoutValidation("Authorization", "SharedKeyLite " + authorizationPrefix + signature);
        return ValueTask.CompletedTask;
    }

    /// <summary>The signature of a request dated <paramref name="date"/> (RFC 1123) for the encoded <paramref name="absolutePath"/>.</summary>
    internal string Sign(string date, string absolutePath)
    {
        var stringToSign = string.Concat(date, "\n", canonicalPrefix, absolutePath);
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(stringToSign.Length);
        var rented = length <= 512 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[512];
            var written = Encoding.UTF8.GetBytes(stringToSign, utf8);
            HMACSHA256.HashData(accountKey, utf8[..written], hash);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }

        return Convert.ToBase64String(hash);
    }
}
