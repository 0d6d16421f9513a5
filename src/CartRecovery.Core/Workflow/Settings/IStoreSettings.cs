namespace CartRecovery.Core.Workflow.Settings;

/// <summary>
/// Per-store recovery configuration. <see cref="GetAsync"/> answers <see cref="RecoveryPresets.Defaults"/> for a store that
/// never saved any, so callers (the abandonment detector reads <see cref="RecoverySettings.AbandonmentThreshold"/>) need no
/// special case.
/// </summary>
public interface IStoreSettings
{
    Task<RecoverySettings> GetAsync(string shop, CancellationToken cancellationToken);

    /// <summary>Saves settings that passed <see cref="RecoverySettingsValidator"/>; replaces the whole configuration at once.</summary>
    Task SaveAsync(string shop, RecoverySettings settings, CancellationToken cancellationToken);
}
