using Azure.Core;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using CartRecovery.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CartRecovery.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the server: ASP.NET Core and HTTP client traces, the <see cref="CartRecoveryMetrics"/> meter and logs,
/// to Application Insights when a connection string is set, else to an OTLP endpoint when one is set, else nowhere.
/// </summary>
public static class TelemetryRegistration
{
    public const string ConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AuthenticationStringKey = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "cartrecovery-server";

    public static TelemetryExporter SelectExporter(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[ConnectionStringKey]) ? TelemetryExporter.AzureMonitor
        : !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]) ? TelemetryExporter.Otlp
        : TelemetryExporter.None;

    public static IServiceCollection AddCartRecoveryTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var exporter = SelectExporter(configuration);
        if (exporter == TelemetryExporter.None)
        {
            return services;
        }

        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithMetrics(metrics => metrics.AddMeter(CartRecoveryMetrics.MeterName));
        if (exporter == TelemetryExporter.AzureMonitor)
        {
            // The distro adds ASP.NET Core and HTTP client traces, metrics and logs, and reads the connection string itself.
            builder.UseAzureMonitor(options =>
            {
                options.ConnectionString = configuration[ConnectionStringKey];
                options.Credential = EntraCredential(configuration[AuthenticationStringKey]);
            });
        }
        else
        {
            // The exporter reads OTEL_EXPORTER_OTLP_ENDPOINT / _PROTOCOL / _HEADERS from configuration.
            builder.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
                .WithLogging()
                .UseOtlpExporter();
        }

        return services;
    }

    /// <summary>
    /// With local authentication disabled on the Application Insights resource (as infra/ sets it), ingestion takes Entra ID
    /// tokens: <c>Authorization=AAD</c>, with <c>ClientId=</c> for a user-assigned identity (the Functions host's format).
    /// </summary>
    internal static TokenCredential? EntraCredential(string? authenticationString)
    {
        if (string.IsNullOrWhiteSpace(authenticationString))
        {
            return null;
        }

        var parts = authenticationString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("Authorization", out var authorization) || !authorization.Equals("AAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return parts.TryGetValue("ClientId", out var clientId) && !string.IsNullOrWhiteSpace(clientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
    }
}
