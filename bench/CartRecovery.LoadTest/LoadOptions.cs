using System.Globalization;

namespace CartRecovery.LoadTest;

/// <summary>Command-line settings: <c>--name value</c> pairs, every one optional except the secret.</summary>
internal sealed record LoadOptions(
    Uri Url,
    string Secret,
    IReadOnlyList<int> Rates,
    TimeSpan StepDuration,
    TimeSpan Warmup,
    int Shops,
    string Fixtures,
    string? Azurite,
    TimeSpan AzuriteDuration,
    string TablePrefix,
    TimeSpan DrainTimeout)
{
    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Expected --name value pairs, got '{args[i]}'.");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        var secret = Get("secret", string.Empty);
        if (secret.Length == 0)
        {
            throw new ArgumentException("--secret is required: the Shopify client secret the server verifies with (Shopify__ApiSecrets__0).");
        }

        return new LoadOptions(
            new Uri(Get("url", "http://127.0.0.1:7071/api/webhooks/shopify")),
            secret,
            Get("rates", "500,1000,2000").Split(',').Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList(),
            TimeSpan.FromSeconds(double.Parse(Get("duration", "20"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(double.Parse(Get("warmup", "5"), CultureInfo.InvariantCulture)),
            int.Parse(Get("shops", "50"), CultureInfo.InvariantCulture),
            Get("fixtures", Path.Combine(FindRoot(), "tests", "CartRecovery.Testing", "Fixtures", "Shopify")),
            values.TryGetValue("azurite", out var azurite) ? azurite : null,
            TimeSpan.FromSeconds(double.Parse(Get("azurite-duration", "10"), CultureInfo.InvariantCulture)),
            Get("table-prefix", "cr"),
            TimeSpan.FromSeconds(double.Parse(Get("drain-timeout", "0"), CultureInfo.InvariantCulture)));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CartRecovery.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
