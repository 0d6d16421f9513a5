using System.Security.Cryptography;
using System.Text;
using CartRecovery.Core.Http;

namespace CartRecovery.Core.Storefront;

/// <summary>
/// <c>GET /api/storefront/recovery.js</c>: the popup script a merchant adds to the theme. Static, so it is cacheable by
/// browsers and CDNs for an hour and revalidated by ETag.
/// </summary>
public static class StorefrontScript
{
    private static readonly Lazy<(byte[] Body, string ETag)> Script = new(() =>
    {
        using var stream = typeof(StorefrontScript).Assembly.GetManifestResourceStream("CartRecovery.Core.Storefront.recovery.js")
            ?? throw new InvalidOperationException("recovery.js is not embedded.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var body = memory.ToArray();
        return (body, "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12)) + "\"");
    });

    public static string Source => Encoding.UTF8.GetString(Script.Value.Body);

    public static HostResponse Handle(HostRequest request)
    {
        var (body, etag) = Script.Value;
        var headers = new Dictionary<string, string>
        {
            ["Cache-Control"] = "public, max-age=3600",
            ["ETag"] = etag,
            ["X-Content-Type-Options"] = "nosniff",
        };
        return request.Header("If-None-Match") == etag
            ? new HostResponse(304, null, ReadOnlyMemory<byte>.Empty, headers)
            : new HostResponse(200, "text/javascript; charset=utf-8", body, headers);
    }
}
