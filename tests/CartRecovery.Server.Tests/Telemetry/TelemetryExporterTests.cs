using System.IO.Compression;
using System.Text;
using CartRecovery.Core.Telemetry;
using CartRecovery.Server.Telemetry;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CartRecovery.Server.Tests.Telemetry;

/// <summary>
/// The exporter follows configuration: Application Insights for a connection string, OTLP for an endpoint, else nothing.
/// Both exporters send to loopback servers standing in for the ingestion endpoint and the collector.
/// </summary>
public sealed class TelemetryExporterTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000001", "http://127.0.0.1:4318", TelemetryExporter.AzureMonitor)]
    [InlineData("InstrumentationKey=00000000-0000-0000-0000-000000000001", null, TelemetryExporter.AzureMonitor)]
    [InlineData(null, "http://127.0.0.1:4318", TelemetryExporter.Otlp)]
    [InlineData("", " ", TelemetryExporter.None)]
    [InlineData(null, null, TelemetryExporter.None)]
    public void The_exporter_is_chosen_from_configuration(string? connectionString, string? otlpEndpoint, TelemetryExporter expected)
    {
        var configuration = Configuration(new()
        {
            [TelemetryRegistration.ConnectionStringKey] = connectionString,
            [TelemetryRegistration.OtlpEndpointKey] = otlpEndpoint,
        });

        Assert.Equal(expected, TelemetryRegistration.SelectExporter(configuration));
    }

    [Fact]
    public async Task Without_configuration_nothing_is_registered_or_exported()
    {
        await using var app = Build(new());

        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task An_otlp_endpoint_receives_the_cartrecovery_metrics()
    {
        await using var collector = await LoopbackHttpServer.StartAsync();
        await using var app = Build(new()
        {
            [TelemetryRegistration.OtlpEndpointKey] = collector.BaseAddress.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });
        var meters = app.Services.GetRequiredService<MeterProvider>();

        CartRecoveryMetrics.WebhookRejected(WebhookRejection.Signature);
        Assert.True(meters.ForceFlush(10_000));

        var export = Assert.Single(collector.Requests, r => r.Path == "/v1/metrics");
        Assert.Equal("POST", export.Method);
        Assert.Contains("application/x-protobuf", export.Header("Content-Type"));
        Assert.Contains("cartrecovery.webhooks.rejected", export.BodyText); // protobuf keeps strings as UTF-8
        Assert.Contains("cartrecovery-server", export.BodyText);
        Assert.DoesNotContain(collector.Requests, r => r.Path == "/v2.1/track");
    }

    [Fact]
    public async Task An_application_insights_connection_string_sends_the_metrics_to_its_ingestion_endpoint()
    {
        await using var ingestion = await LoopbackHttpServer.StartAsync();
        ingestion.Respond = (_, context) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"itemsReceived\":1,\"itemsAccepted\":1,\"errors\":[]}", Cancel);
        };
        var endpoint = ingestion.BaseAddress.ToString();
        await using var app = Build(new()
        {
            [TelemetryRegistration.ConnectionStringKey] = $"InstrumentationKey=00000000-0000-0000-0000-000000000001;IngestionEndpoint={endpoint};LiveEndpoint={endpoint}",
            [TelemetryRegistration.OtlpEndpointKey] = "http://127.0.0.1:9", // Application Insights wins
        });
        var meters = app.Services.GetRequiredService<MeterProvider>();

        CartRecoveryMetrics.WebhookRejected(WebhookRejection.Payload);
        Assert.True(meters.ForceFlush(20_000));

        var tracks = ingestion.Requests.Where(r => r.Path == "/v2.1/track").ToList();
        Assert.NotEmpty(tracks);
        Assert.Contains(tracks, r => Body(r).Contains("cartrecovery.webhooks.rejected", StringComparison.Ordinal));
        Assert.All(tracks, r => Assert.Contains("00000000-0000-0000-0000-000000000001", Body(r)));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("Authorization=Key", null)]
    [InlineData("Authorization=AAD", "DefaultAzureCredential")]
    [InlineData("ClientId=7d4c2a4e-0000-0000-0000-000000000000;Authorization=AAD", "ManagedIdentityCredential")]
    public void Entra_authentication_follows_the_functions_style_authentication_string(string? value, string? credential)
    {
        Assert.Equal(credential, TelemetryRegistration.EntraCredential(value)?.GetType().Name);
    }

    private static string Body(RecordedRequest request)
    {
        if (request.Header("Content-Encoding") != "gzip")
        {
            return request.BodyText;
        }

        using var gzip = new GZipStream(new MemoryStream(request.Body), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static WebApplication Build(Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddCartRecoveryTelemetry(builder.Configuration);
        return builder.Build();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
