using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Storage.Abandonment;

/// <summary>
/// A store's abandonment threshold from its recovery settings (the merchant's configuration API, <see cref="IStoreSettings"/>).
/// A store that saved none gets the settings' defaults, which carry the operator's <c>Abandonment:Threshold</c>
/// (<see cref="RecoveryPresets.DefaultsFor"/>); <see cref="IStoreSettings"/> caches its reads.
/// </summary>
public sealed class StoreAbandonmentThresholds(IStoreSettings settings) : IAbandonmentThresholds
{
    public async Task<TimeSpan> GetAsync(string shop, CancellationToken cancellationToken) =>
        (await settings.GetAsync(shop, cancellationToken).ConfigureAwait(false)).AbandonmentThreshold;
}
