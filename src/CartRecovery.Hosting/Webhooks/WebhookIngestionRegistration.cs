using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Ingestion;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Hosting.Options;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Hosting.Webhooks;

/// <summary>Webhook ingestion, processing and abandonment detection, and the privacy request handler.</summary>
internal static class WebhookIngestionRegistration
{
    public static IServiceCollection AddWebhookIngestion(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions, WebhookOptionsValidator>(configuration, WebhookOptions.Section);
        services.AddOptions<AbandonmentOptions, AbandonmentOptionsValidator>(configuration, AbandonmentOptions.Section);
        services.AddWebhookStorage();
        services.AddSingleton(sp => new WebhookSignature(sp.GetRequiredService<IOptions<ShopifyOptions>>().Value));
        services.AddSingleton<ShopifyWebhookHandler>();
        services.AddSingleton<PrivacyRequestsHandler>();
        services.AddSingleton<DeadLettersHandler>();
        services.AddIngestion(ServiceLifetime.Singleton, sp => Measurement.MeasurementRegistration.Measured(sp, sp.GetRequiredService<IRecoveryWorkflows>()));
        services.AddSingleton(sp => new WebhookInboxWorker(
            sp.GetRequiredService<WebhookInboxQueue>(),
            sp.GetRequiredService<WebhookDeliveryProcessor>(),
            sp.GetRequiredService<ILogger<WebhookInboxWorker>>(),
            PaceWhileBusy(sp),
            Load(sp)));
        return services;
    }

    /// <summary>Acknowledgements first: while deliveries pour in, each processing worker pauses between the groups it processes.</summary>
    private static Func<CancellationToken, Task> PaceWhileBusy(IServiceProvider services)
    {
        var load = Load(services);
        var options = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        return cancellationToken => load() == AcknowledgingLoad.Busy ? Task.Delay(options.PaceWhenBusy, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>Deliveries recorded by this process over the last second: none, some, or more than <see cref="WebhookOptions.BusyAbove"/>.</summary>
    private static Func<AcknowledgingLoad> Load(IServiceProvider services)
    {
        var monitor = services.GetRequiredService<IngestionMonitor>();
        var options = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        return () => monitor.RecentRate switch
        {
            0 => AcknowledgingLoad.Quiet,
            var rate when options.BusyAbove > 0 && rate > options.BusyAbove => AcknowledgingLoad.Busy,
            _ => AcknowledgingLoad.Active,
        };
    }
}
