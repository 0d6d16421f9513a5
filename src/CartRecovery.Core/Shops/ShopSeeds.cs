using System.Globalization;

namespace CartRecovery.Core.Shops;

/// <summary>
/// The profile a shop has before one is stored: its configured seed (<see cref="ShopSeedOptions"/>, local runs), else defaults
/// derived from its domain (<c>my-shop.myshopify.com</c> is "My Shop", speaks English, has no custom domain).
/// </summary>
public sealed class ShopSeeds(IEnumerable<ShopSeedOptions> configured)
{
    public static readonly ShopSeeds None = new([]);

    private readonly Dictionary<string, ShopProfile> profiles = configured
        .Where(o => !string.IsNullOrWhiteSpace(o.Shop))
        .Select(ToProfile)
        .GroupBy(p => p.Shop, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public ShopProfile ProfileFor(string shop) => profiles.TryGetValue(shop, out var profile) ? profile : Default(shop);

    public static ShopProfile Default(string shop) => new(shop.ToLowerInvariant(), NameFromDomain(shop), "en", []);

    private static ShopProfile ToProfile(ShopSeedOptions options)
    {
        var shop = options.Shop.Trim().ToLowerInvariant();
        return new ShopProfile(
            shop,
            string.IsNullOrWhiteSpace(options.Name) ? NameFromDomain(shop) : options.Name.Trim(),
            string.IsNullOrWhiteSpace(options.DefaultLocale) ? "en" : options.DefaultLocale.Trim(),
            options.Domains.Select(d => d.Trim().ToLowerInvariant()).Where(d => d.Length > 0).Distinct().ToArray(),
            string.IsNullOrWhiteSpace(options.TimeZone) ? null : options.TimeZone.Trim(),
            string.IsNullOrWhiteSpace(options.Currency) ? null : options.Currency.Trim().ToUpperInvariant());
    }

    private static string NameFromDomain(string shop)
    {
        var handle = shop.Split('.')[0].Replace('-', ' ');
        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(handle);
    }
}
