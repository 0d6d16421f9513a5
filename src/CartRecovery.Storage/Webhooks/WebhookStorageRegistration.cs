using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Carts;
using CartRecovery.Storage.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// The storage adapters of webhook ingestion: the inbox, the repositories and the privacy requests. Their options
/// (<see cref="WebhookOptions"/>, <see cref="AbandonmentOptions"/>) are bound by the product's registration.
/// </summary>
public static class WebhookStorageRegistration
{
    public static IServiceCollection AddWebhookStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value); // the acknowledgement path reads it per request
        services.AddSingleton<InboxSignal>();
        services.AddSingleton(_ => new IngestionMonitor(TimeProvider.System)); // the process's real load, not the business clock
        services.AddSingleton<IWebhookInbox, TableWebhookInbox>();
        services.AddSingleton<IWebhookReplayGuard, TableWebhookReplayGuard>();
        services.AddSingleton<IDeadLetters, TableDeadLetters>();
        services.AddSingleton<WebhookInboxQueue>();
        services.AddSingleton<AbandonmentWakeup>();
        services.AddSingleton<AbandonmentDueIndex>();
        services.AddSingleton<IAbandonmentDueIndex>(sp => sp.GetRequiredService<AbandonmentDueIndex>());
        // IShopRepository and IAbandonmentThresholds (read from the shops): AddShops, registered by the product's registration.
        services.AddSingleton<TableCartRepository>();
        services.AddSingleton<ITrackedCartRepository>(sp => sp.GetRequiredService<TableCartRepository>());
        // Core's rules over the cart store (the use cases are registered by AddIngestion); Recovery:TimeScale divides the threshold.
        services.AddSingleton(sp => new TrackedCarts(
            sp.GetRequiredService<ITrackedCartRepository>(), sp.GetRequiredService<IAbandonmentThresholds>(), sp.GetRequiredService<IOptions<RecoveryOptions>>().Value.TimeScale));
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<TableCartRepository>());
        services.AddSingleton<TablePrivacyRequestRepository>();
        services.AddSingleton<IPrivacyRequestRepository>(sp => sp.GetRequiredService<TablePrivacyRequestRepository>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<TablePrivacyRequestRepository>());
        return services;
    }
}
