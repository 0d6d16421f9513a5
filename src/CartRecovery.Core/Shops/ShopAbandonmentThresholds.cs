using CartRecovery.Core.Abandonment;

namespace CartRecovery.Core.Shops;

/// <summary>
/// A shop's abandonment threshold: the one in its recovery settings. A shop that saved none gets the default settings, which
/// carry the operator's <c>Abandonment:Threshold</c> (<see cref="Workflow.Settings.RecoveryPresets.DefaultsFor"/>).
/// </summary>
public sealed class ShopAbandonmentThresholds(IShopRepository shops) : IAbandonmentThresholds
{
    public async Task<TimeSpan> GetAsync(string shop, CancellationToken cancellationToken) =>
        (await shops.GetAsync(shop, cancellationToken).ConfigureAwait(false)).Recovery.AbandonmentThreshold;
}
