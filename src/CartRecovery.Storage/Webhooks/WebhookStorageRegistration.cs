using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Carts;
using CartRecovery.Storage.Privacy;
using CartRecovery.Storage.Stores;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// What both hosts share for webhooks: options, the inbox, the adapters behind Core's ingestion ports and the privacy
/// store. The use cases that hand over to recoveries (Core's <c>AddIngestion</c>) and the inbox worker are registered by
/// each host, because the Durable Functions client is per invocation there and a singleton here.
/// </summary>
public static class WebhookStorageRegistration
{
    public static IServiceCollection AddWebhookStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.Problems().Count == 0, "Webhooks settings are invalid: MaxDeliveryAge must be positive and at most DedupeRetention, AcknowledgeTimeout under 5 seconds.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value);
        services.AddOptions<AbandonmentOptions>().Bind(configuration.GetSection(AbandonmentOptions.Section));
        services.AddSingleton<InboxSignal>();
        services.AddSingleton(_ => new IngestionMonitor(TimeProvider.System)); // the process's real load, not the business clock
        services.AddSingleton<IWebhookInbox, TableWebhookInbox>();
        services.AddSingleton<IWebhookReplayGuard, TableWebhookReplayGuard>();
        services.AddSingleton<IDeadLetters, TableDeadLetters>();
        services.AddSingleton<WebhookInboxQueue>();
        services.AddSingleton<AbandonmentWakeup>();
        services.AddSingleton<AbandonmentDueIndex>();
        services.AddSingleton<IAbandonmentDueIndex>(sp => sp.GetRequiredService<AbandonmentDueIndex>());
        services.AddSingleton<StoreRepository>();
        services.AddSingleton<IShopInstallations>(sp => sp.GetRequiredService<StoreRepository>());
        services.AddSingleton<IAbandonmentThresholds, StoreAbandonmentThresholds>(); // IStoreSettings: registered with the recovery workflows
        services.AddSingleton<CartRepository>();
        services.AddSingleton<ITrackedCartStore>(sp => sp.GetRequiredService<CartRepository>());
        // Core's rules over the cart store (the use cases are registered by AddIngestion); Recovery:TimeScale divides the threshold.
        services.AddSingleton(sp => new TrackedCarts(
            sp.GetRequiredService<ITrackedCartStore>(), sp.GetRequiredService<IAbandonmentThresholds>(), sp.GetRequiredService<IOptions<RecoveryOptions>>().Value.TimeScale));
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<CartRepository>());
        services.AddSingleton<PrivacyRequestRepository>();
        services.AddSingleton<IPrivacyRequestStore>(sp => sp.GetRequiredService<PrivacyRequestRepository>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<PrivacyRequestRepository>());
        return services;
    }
}
