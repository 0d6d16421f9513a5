using CartRecovery.Core.Privacy;
using CartRecovery.Core.Webhooks;
using CartRecovery.Server.Hosting;
using CartRecovery.Server.Http;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Webhooks;

/// <summary>Shopify's webhook endpoint and the merchant's privacy requests; processing runs in <see cref="WebhookProcessingService"/>.</summary>
public static class WebhookEndpoints
{
    /// <summary>The server's side of webhooks beside its endpoints: the inbox processing and abandonment loops, and the reconciliation of missed webhooks.</summary>
    public static IServiceCollection AddWebhookBackgroundServices(this IServiceCollection services)
    {
        services.AddHostedService<WebhookProcessingService>();
        services.AddSingleton<AbandonmentScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<AbandonmentScheduler>());
        services.AddSingleton<Admin.ReconciliationService>();
        services.AddHostedService(sp => sp.GetRequiredService<Admin.ReconciliationService>());
        return services;
    }

    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapPost("/webhooks/shopify", (HttpContext context, ShopifyWebhookHandler handler, IOptions<WebhookOptions> options) =>
            HostAdapter.HandleAsync(context, handler.HandleAsync, options.Value.MaxBodyBytes));
        api.MapGet("/stores/{shop}/privacy/requests", (HttpContext context, PrivacyRequestsHandler handler) => HostAdapter.HandleAsync(context, handler.ListAsync))
            .MerchantOperation("PrivacyRequestsList", "The shop's customer data requests and redactions received from Shopify.", 200);
        api.MapGet("/stores/{shop}/privacy/requests/{id}", (HttpContext context, PrivacyRequestsHandler handler) => HostAdapter.HandleAsync(context, handler.GetAsync))
            .MerchantOperation("PrivacyRequestsGet", "The export of one customer data request, as a JSON attachment.", 200, problems: 404);
        api.MapGet("/stores/{shop}/webhooks/dead-letters", (HttpContext context, DeadLettersHandler handler) => HostAdapter.HandleAsync(context, handler.ListAsync))
            .MerchantOperation("DeadLettersList", "Deliveries that could not be processed and were set aside, newest first.", 200);
        return api;
    }
}
