using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Shops;

/// <summary>
/// Everything the app keeps about one shop, in one place (one row, one cache): its install state, its profile and its
/// recovery settings. Later parts of the shop (an Admin API token, contact rules such as caps and quiet hours) are added
/// here as further typed parts, each stored in a column of its own.
/// </summary>
public sealed record Shop(string Domain, ShopInstall Install, ShopProfile Profile, RecoverySettings Recovery)
{
    /// <summary>Who hears from a recovery, how often and when (eligibility filters, caps, quiet hours); the defaults until the merchant changes them.</summary>
    public Targeting.Rules.ShopContactRules ContactRules { get; init; } = Targeting.Rules.ShopContactRules.Default;
}
