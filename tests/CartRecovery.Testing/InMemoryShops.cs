using System.Collections.Concurrent;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Testing;

/// <summary>
/// Shops in memory, for unit tests of parts that only read a shop (composition, tracking, the step executor): seeds from
/// <see cref="ShopSeedOptions"/> as configuration gives them. The stored shops are <c>TableShopRepository</c>'s, tested on Azurite.
/// </summary>
public sealed class InMemoryShops(IEnumerable<ShopSeedOptions> seeds, RecoverySettings? defaults = null) : IShopRepository
{
    private readonly ShopSeeds profiles = new(seeds);
    private readonly ConcurrentDictionary<string, Shop> shops = new(StringComparer.OrdinalIgnoreCase);

    public Task<Shop> GetAsync(string shop, CancellationToken cancellationToken) =>
        Task.FromResult(shops.TryGetValue(shop, out var known) ? known : new Shop(shop, ShopInstall.Unknown, profiles.ProfileFor(shop), defaults ?? RecoveryPresets.Defaults));

    public async Task<bool> RecordContactAsync(string shop, DateTimeOffset triggeredAt, CancellationToken cancellationToken)
    {
        var current = await GetAsync(shop, cancellationToken);
        var (accepted, changed) = current.Install.Contact(triggeredAt);
        if (changed is not null)
        {
            shops[shop] = current with { Install = changed };
        }

        return accepted;
    }

    public async Task MarkUninstalledAsync(string shop, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var current = await GetAsync(shop, cancellationToken);
        shops[shop] = current with { Install = current.Install.Uninstalled(at) };
    }

    public async Task SaveProfileAsync(ShopProfile profile, CancellationToken cancellationToken) =>
        shops[profile.Shop] = (await GetAsync(profile.Shop, cancellationToken)) with { Profile = profile };

    public async Task SaveRecoverySettingsAsync(string shop, RecoverySettings settings, CancellationToken cancellationToken) =>
        shops[shop] = (await GetAsync(shop, cancellationToken)) with { Recovery = settings };

    public async Task SaveContactRulesAsync(string shop, Core.Targeting.Rules.ShopContactRules rules, CancellationToken cancellationToken) =>
        shops[shop] = (await GetAsync(shop, cancellationToken)) with { ContactRules = rules };

    public Task EraseAsync(string shop, CancellationToken cancellationToken)
    {
        shops.TryRemove(shop, out _);
        return Task.CompletedTask;
    }
}
