using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Workflow.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Workflow;

public static class StoreSettingsRegistration
{
    /// <summary>
    /// Per-store recovery settings on Table Storage. A store that saved none gets the presets with the operator's
    /// <c>Abandonment:Threshold</c>, so that key is the default of every store and the merchant API shows what applies.
    /// </summary>
    public static IServiceCollection AddStoreSettings(this IServiceCollection services)
    {
        services.AddSingleton<IStoreSettings>(sp => new TableStoreSettings(
            sp.GetRequiredService<StorageTables>(),
            sp.GetRequiredService<TimeProvider>(),
            RecoveryPresets.DefaultsFor(sp.GetRequiredService<IOptions<AbandonmentOptions>>().Value)));
        return services;
    }
}
