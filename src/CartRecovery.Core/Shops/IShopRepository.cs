using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Shops;

/// <summary>
/// The shops (the port every use case reads a shop through). <see cref="GetAsync"/> never answers null: a shop never heard
/// from gets its seed or default profile and the default recovery settings, so callers need no special case. Each write
/// changes only its own part, so an install change and a settings save never overwrite each other.
/// </summary>
public interface IShopRepository
{
    Task<Shop> GetAsync(string shop, CancellationToken cancellationToken);

    /// <summary>Applies <see cref="ShopInstall.Contact"/>: false when the event predates the shop's uninstall and must be ignored.</summary>
    Task<bool> RecordContactAsync(string shop, DateTimeOffset triggeredAt, CancellationToken cancellationToken);

    Task MarkUninstalledAsync(string shop, DateTimeOffset at, CancellationToken cancellationToken);

    Task SaveProfileAsync(ShopProfile profile, CancellationToken cancellationToken);

    /// <summary>Saves settings that passed <see cref="RecoverySettingsValidator"/>; replaces the whole configuration at once.</summary>
    Task SaveRecoverySettingsAsync(string shop, RecoverySettings settings, CancellationToken cancellationToken);

    /// <summary>Saves contact rules that passed <see cref="Targeting.Rules.ShopContactRulesValidator"/>; replaces them as a whole.</summary>
    Task SaveContactRulesAsync(string shop, Targeting.Rules.ShopContactRules rules, CancellationToken cancellationToken);

    /// <summary><c>shop/redact</c>: nothing of the shop remains.</summary>
    Task EraseAsync(string shop, CancellationToken cancellationToken);
}
