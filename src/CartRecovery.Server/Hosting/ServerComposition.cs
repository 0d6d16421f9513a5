using CartRecovery.Core.Health;
using CartRecovery.Hosting;
using CartRecovery.Server.Admin;
using CartRecovery.Server.Dashboard;
using CartRecovery.Server.Http;
using CartRecovery.Server.Measurement;
using CartRecovery.Server.Messages;
using CartRecovery.Server.Targeting;
using CartRecovery.Server.Tracking;
using CartRecovery.Server.Telemetry;
using CartRecovery.Server.Webhooks;
using CartRecovery.Server.Workflow;

namespace CartRecovery.Server.Hosting;

/// <summary>
/// The self-hosted server: the product (<see cref="CartRecoveryRegistration.AddCartRecovery"/>), the embedded engine, and
/// its transport: Kestrel, problem details, the OpenAPI document, the endpoints and the background loops.
/// </summary>
public static class ServerComposition
{
    /// <summary>The same address and <c>/api</c> prefix as <c>func start</c>, so URLs are identical on both hosts.</summary>
    public const string DefaultUrl = "http://127.0.0.1:7071";

    public static WebApplicationBuilder AddCartRecoveryServer(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddCartRecovery(builder.Configuration);
        builder.Services.AddEmbeddedEngine(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddMerchantOpenApi();
        builder.Services.AddWebhookBackgroundServices();
        builder.Services.AddCartRecoveryTelemetry(builder.Configuration);
        return builder;
    }

    public static WebApplication MapCartRecoveryEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        var api = app.MapGroup("/api");
        api.MapGet("/health", (HttpContext context, HealthHandler health) => HostAdapter.HandleAsync(context, health.HandleAsync));
        api.MapWebhookEndpoints();
        api.MapMessageEndpoints();
        api.MapMeasurementEndpoints();
        api.MapTrackingEndpoints();
        api.MapSequencesEndpoints();
        api.MapContactRulesEndpoints();
        api.MapAdminEndpoints();
        api.MapDashboardEndpoints();
        api.MapMerchantOpenApi();
        return app;
    }
}
