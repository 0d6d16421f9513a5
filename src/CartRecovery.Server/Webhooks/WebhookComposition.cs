using CartRecovery.Core.Ingestion;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Server.Http;
using CartRecovery.Storage.Webhooks;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Webhooks;

/// <summary>Registers webhook ingestion, abandonment detection and the privacy request endpoints.</summary>
public static class WebhookComposition
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddWebhookStorage(builder.Configuration);
        services.AddSingleton(sp => new WebhookSignature(sp.GetRequiredService<IOptions<ShopifyOptions>>().Value));
        services.AddSingleton<ShopifyWebhookHandler>();
        services.AddSingleton<PrivacyRequestsHandler>();
        services.AddSingleton<DeadLettersHandler>();

        // The workflow engine registers IRecoveryWorkflows; resolved lazily so ingestion runs even in a host without one.
        services.AddIngestion(ServiceLifetime.Singleton, RecoveryWorkflows);
        services.AddSingleton(sp => new WebhookInboxWorker(
            sp.GetRequiredService<WebhookInboxQueue>(),
            sp.GetRequiredService<WebhookDeliveryProcessor>(),
            sp.GetRequiredService<ILogger<WebhookInboxWorker>>(),
            PaceWhileBusy(sp)));
        services.AddHostedService<WebhookProcessingService>();
        services.AddSingleton<AbandonmentScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<AbandonmentScheduler>());
        return builder;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder api)
    {
        api.MapPost("/webhooks/shopify", (HttpContext context, ShopifyWebhookHandler handler, IOptions<WebhookOptions> options) =>
            HostAdapter.HandleAsync(context, handler.HandleAsync, options.Value.MaxBodyBytes));
        api.MapGet("/stores/{shop}/privacy/requests", (HttpContext context, PrivacyRequestsHandler handler) => HostAdapter.HandleAsync(context, handler.ListAsync));
        api.MapGet("/stores/{shop}/privacy/requests/{id}", (HttpContext context, PrivacyRequestsHandler handler) => HostAdapter.HandleAsync(context, handler.GetAsync));
        api.MapGet("/stores/{shop}/webhooks/dead-letters", (HttpContext context, DeadLettersHandler handler) => HostAdapter.HandleAsync(context, handler.ListAsync));
        return api;
    }

    /// <summary>Acknowledgements first: while deliveries pour in, each processing worker pauses between deliveries.</summary>
    private static Func<CancellationToken, Task> PaceWhileBusy(IServiceProvider services)
    {
        var monitor = services.GetRequiredService<IngestionMonitor>();
        var options = services.GetRequiredService<IOptions<WebhookOptions>>().Value;
        return cancellationToken => options.BusyAbove > 0 && monitor.RecentRate > options.BusyAbove
            ? Task.Delay(options.PaceWhenBusy, cancellationToken)
            : Task.CompletedTask;
    }

    private static IRecoveryWorkflows RecoveryWorkflows(IServiceProvider services) =>
        services.GetService<IRecoveryWorkflows>() ?? new MissingRecoveryWorkflows();
}
