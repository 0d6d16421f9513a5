using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow.Settings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Shops;

public static class ShopRegistration
{
    /// <summary>
    /// The shops on Table Storage (<see cref="IShopRepository"/>, and the abandonment threshold read from them). A shop that
    /// saved no recovery settings gets the presets with the operator's <c>Abandonment:Threshold</c>, so that key is the
    /// default of every shop and the merchant API shows what applies; a shop with no stored profile gets its seed from the
    /// <c>Shops</c> section (local runs) or defaults from its domain. <see cref="AbandonmentOptions"/> come from the options the
    /// product's registration binds (and validates at start). Safe to call from more than one concern.
    /// </summary>
    public static IServiceCollection AddShops(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<IShopRepository>(sp => new TableShopRepository(
            sp.GetRequiredService<StorageTables>(),
            new ShopSeeds(configuration.GetSection(ShopSeedOptions.Section).Get<List<ShopSeedOptions>>() ?? []),
            RecoveryPresets.DefaultsFor(sp.GetRequiredService<IOptions<AbandonmentOptions>>().Value)));
        services.TryAddSingleton<IAbandonmentThresholds, ShopAbandonmentThresholds>();
        return services;
    }
}
