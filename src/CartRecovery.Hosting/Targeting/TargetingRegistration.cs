using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Targeting;
using CartRecovery.Core.Targeting.Api;
using CartRecovery.Core.Targeting.Caps;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Filters;
using CartRecovery.Core.Targeting.Klaviyo;
using CartRecovery.Core.Workflow;
using CartRecovery.Hosting.Options;
using CartRecovery.Integrations.Klaviyo;
using CartRecovery.Storage.Targeting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Hosting.Targeting;

/// <summary>
/// Who hears what, and when: the eligibility filters and their chain, the stores they read (contact ledger, counts), the
/// Klaviyo Events reader, the contact-rules handler, and the chain in front of the step executor (both engines).
/// </summary>
internal static class TargetingRegistration
{
    public static IServiceCollection AddTargeting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<KlaviyoEventsReaderOptions>(configuration, KlaviyoEventsReaderOptions.Section);
        services.AddHttpClient<IKlaviyoEvents, KlaviyoEventsReader>();
        services.TryAddSingleton<IShopKlaviyoKeys, NoKlaviyoKeys>();
        services.AddSingleton<IContactLedgers, TableContactLedgers>();
        services.AddSingleton<IEligibilityStats, TableEligibilityStats>();
        services.AddSingleton<Core.Privacy.IPersonalDataHolder, ContactLedgerPersonalData>();
        services.AddSingleton<Core.Privacy.IPersonalDataHolder>(sp => new Storage.Privacy.ShopTablesPersonalData(
            sp.GetRequiredService<Storage.StorageTables>(), "eligibilityCounts", [TableEligibilityStats.TableName]));

        services.AddSingleton<IEligibilityFilter, TrustFilter>();
        services.AddSingleton<IEligibilityFilter, CartValueFilter>();
        services.AddSingleton<IEligibilityFilter>(sp => ActivatorUtilities.CreateInstance<RecipientEligibilityFilter>(sp));
        services.AddSingleton<IEligibilityFilter, QuietHoursFilter>();
        services.AddSingleton<IEligibilityFilter>(sp => ActivatorUtilities.CreateInstance<KlaviyoFilter>(sp));
        services.AddSingleton<IEligibilityFilter>(sp => ActivatorUtilities.CreateInstance<FrequencyCapFilter>(sp));
        services.AddSingleton(sp => new EligibilityChain(
            sp.GetServices<IEligibilityFilter>(), sp.GetRequiredService<ILogger<EligibilityChain>>(), sp.GetRequiredService<IEligibilityStats>()));
        services.AddSingleton<RecoveryStartGate>();
        services.AddSingleton<ContactRulesHandler>();

        DecorateStepExecutor(services);
        return services;
    }

    /// <summary>Puts the chain in front of whatever step executor is registered (Core's, or a test's).</summary>
    private static void DecorateStepExecutor(IServiceCollection services) =>
        services.Decorate<IStepExecutor>((inner, sp) => new TargetedStepExecutor(
            inner,
            sp.GetRequiredService<EligibilityChain>(),
            sp.GetRequiredService<IShopRepository>(),
            sp.GetRequiredService<IMessageRecords>(),
            sp.GetRequiredService<IShopKlaviyoKeys>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<RecoveryOptions>>().Value.TimeScale));
}
