using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Carts;
using CartRecovery.Storage.Privacy;
using CartRecovery.Storage.Shops;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// What both hosts share for webhooks: options, the inbox, the repositories and the privacy handler. The parts that hand
/// over to recoveries (processor, worker, sweeper) are registered by each host, because the Durable Functions client is
/// per invocation there and a singleton here.
/// </summary>
public static class WebhookStorageRegistration
{
    public static IServiceCollection AddWebhookStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddOptions<AbandonmentOptions>().Bind(configuration.GetSection(AbandonmentOptions.Section));
        services.AddSingleton<InboxSignal>();
        services.AddSingleton(_ => new IngestionMonitor(TimeProvider.System)); // the process's real load, not the business clock
        services.AddSingleton<IWebhookInbox, TableWebhookInbox>();
        services.AddSingleton<WebhookInboxQueue>();
        services.AddSingleton<AbandonmentWakeup>();
        services.AddSingleton<AbandonmentDueIndex>();
        services.AddShops(configuration);
        services.AddSingleton<CartRepository>();
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<CartRepository>());
        services.AddSingleton<PrivacyRequestRepository>();
        services.AddSingleton<IPrivacyRequestStore>(sp => sp.GetRequiredService<PrivacyRequestRepository>());
        services.AddSingleton<IPersonalDataHolder>(sp => sp.GetRequiredService<PrivacyRequestRepository>());
        return services;
    }
}
