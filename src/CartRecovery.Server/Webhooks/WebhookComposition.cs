using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Server.Http;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Carts;
using CartRecovery.Storage.Privacy;
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

        // The workflow engine registers IRecoveryWorkflows; resolved lazily so ingestion runs even in a host without one.
        services.AddSingleton(sp => new WebhookDeliveryProcessor(
            sp.GetRequiredService<CartRepository>(),
            sp.GetRequiredService<IShopRepository>(),
            sp.GetRequiredService<AbandonmentDueIndex>(),
            sp.GetRequiredService<IPrivacyRequestStore>(),
            sp.GetServices<IPersonalDataHolder>(),
            RecoveryWorkflows(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WebhookDeliveryProcessor>>()));
        services.AddSingleton(sp => new AbandonmentSweeper(
            sp.GetRequiredService<AbandonmentDueIndex>(),
            sp.GetRequiredService<CartRepository>(),
            sp.GetRequiredService<IShopRepository>(),
            sp.GetRequiredService<IAbandonmentThresholds>(),
            RecoveryWorkflows(sp),
            sp.GetRequiredService<ILogger<AbandonmentSweeper>>()));
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
