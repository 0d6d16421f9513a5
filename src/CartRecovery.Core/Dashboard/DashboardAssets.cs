using System.Collections.Frozen;
using System.Security.Cryptography;

namespace CartRecovery.Core.Dashboard;

/// <summary>
/// The dashboard's static files, embedded in Core so both hosts serve the same bytes: the page shell, its script and its
/// style sheet. Each carries a content hash as ETag.
/// </summary>
public static class DashboardAssets
{
    private const string Prefix = "CartRecovery.Core.Dashboard.Assets.";

    private static readonly Lazy<FrozenDictionary<string, Asset>> All = new(Load);

    /// <summary>The assets a browser may fetch by name (the page shell is served only through <see cref="DashboardHandler"/>).</summary>
    public static IReadOnlyCollection<string> Names => All.Value.Keys.Where(n => n != "index.html").ToList();

    public static Asset? Find(string name) => All.Value.TryGetValue(name, out var asset) ? asset : null;

    public static Asset Shell => All.Value["index.html"];

    private static FrozenDictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var body = memory.ToArray();
            var name = resource[Prefix.Length..];
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 12)) + "\"";
            assets[name] = new Asset(name, body, ContentType(name), etag);
        }

        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    public sealed record Asset(string Name, byte[] Body, string ContentType, string ETag);
}
