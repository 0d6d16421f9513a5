using CartRecovery.Core.Health;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Shopify;
using CartRecovery.Server.Http;
using CartRecovery.Server.Telemetry;
using CartRecovery.Server.Webhooks;
using CartRecovery.Server.Workflow;
using CartRecovery.Server.Messages;
using CartRecovery.Integrations.Composition;
using CartRecovery.Server.Tracking;
using CartRecovery.Storage;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Hosting;

/// <summary>The composition root: each concern registers its services and maps its endpoints here, one line each.</summary>
public static class ServerComposition
{
    /// <summary>The same address and <c>/api</c> prefix as <c>func start</c>, so URLs are identical on both hosts.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static WebApplicationBuilder AddCartRecovery(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<ShopifyOptions>().Bind(builder.Configuration.GetSection(ShopifyOptions.Section));
        builder.Services.AddSingleton(sp => new SessionTokenValidator(sp.GetRequiredService<IOptions<ShopifyOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddCartRecoveryStorage(builder.Configuration);
        builder.Services.AddSingleton<IDependencyProbe, TableStorageProbe>();
        builder.Services.AddSingleton<HealthHandler>();
        builder.AddWebhooks();
        builder.AddRecoveryWorkflows();
        builder.AddMessaging();
        builder.Services.AddMessageComposition(builder.Configuration);
        builder.Services.AddCartRecoveryTelemetry(builder.Configuration);
        return builder;
    }

    public static WebApplication MapCartRecovery(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var api = app.MapGroup("/api");
        api.MapGet("/health", (HttpContext context, HealthHandler health) => HostAdapter.HandleAsync(context, health.HandleAsync));
        api.MapWebhooks();
        api.MapMessagesApi();
        api.MapTrackingEndpoints();
        api.MapSequencesApi();
        return app;
    }
}
