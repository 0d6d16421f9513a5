using System.Globalization;

namespace CartRecovery.Core.Merchant;

/// <summary>
/// Store profiles read from configuration. A store that is not configured is named after its domain
/// (<c>my-shop.myshopify.com</c> is "My Shop"), speaks English and has no custom domain.
/// </summary>
public sealed class ConfiguredStoreProfiles(IEnumerable<StoreProfileOptions> configured) : IStoreProfiles
{
    private readonly Dictionary<string, StoreProfile> profiles = configured
        .Where(o => !string.IsNullOrWhiteSpace(o.Shop))
        .Select(ToProfile)
        .GroupBy(p => p.Shop, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

    public Task<StoreProfile> GetAsync(string shop, CancellationToken cancellationToken) =>
        Task.FromResult(profiles.TryGetValue(shop, out var profile) ? profile : Default(shop));

    public static StoreProfile Default(string shop) => new(shop.ToLowerInvariant(), NameFromDomain(shop), "en", []);

    private static StoreProfile ToProfile(StoreProfileOptions options)
    {
        var shop = options.Shop.Trim().ToLowerInvariant();
        return new StoreProfile(
            shop,
            string.IsNullOrWhiteSpace(options.Name) ? NameFromDomain(shop) : options.Name.Trim(),
            string.IsNullOrWhiteSpace(options.DefaultLocale) ? "en" : options.DefaultLocale.Trim(),
            options.Domains.Select(d => d.Trim().ToLowerInvariant()).Where(d => d.Length > 0).Distinct().ToArray());
    }

    private static string NameFromDomain(string shop)
    {
        var handle = shop.Split('.')[0].Replace('-', ' ');
        return CultureInfo.InvariantCulture.TextInfo.ToTitleCase(handle);
    }
}
