using CartRecovery.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Tests.Hosting;

/// <summary>A bad setting stops a host at start, before it serves anything, with the configuration key in the message.</summary>
public sealed class StartupValidationTests
{
    public static TheoryData<string, string> BadSettings => new()
    {
        { "Recovery:TimeScale", "0" },
        { "Recovery:StepMaxRetryDelay", "00:00:00.500" }, // shorter than the first retry delay (2 s)
        { "Webhooks:Partitions", "0" },
        { "Abandonment:Threshold", "00:00:00" },
        { "App:PublicBaseUrl", "not a url" },
        { "Storage:TableEndpoint", "table.core.windows.net" },
        { "Recovery:Runner:MaxConcurrency", "0" },
    };

    public static TheoryData<string, string> Unconvertible => new()
    {
        { "Webhooks:Partitions", "many" },
        { "Recovery:TimeScale", "fast" },
        { "Delivery:RequestTimeout", "soon" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    [MemberData(nameof(Unconvertible))]
    public async Task The_server_does_not_start_and_names_the_key(string key, string value)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => ServerHost.StartAsync(new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, Flatten(error), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadSettings))]
    [MemberData(nameof(Unconvertible))]
    public async Task The_product_as_the_Functions_host_composes_it_does_not_start_and_names_the_key(string key, string value)
    {
        if (key.StartsWith("Recovery:Runner:", StringComparison.Ordinal))
        {
            return; // the embedded runner's own section; the Functions host has no such engine
        }

        using var host = FunctionsLikeHost(new Dictionary<string, string?> { [key] = value });

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(key, Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_defaults_the_product_starts()
    {
        using var host = FunctionsLikeHost([]);

        await host.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, host.Services.GetRequiredService<IOptions<Core.Workflow.RecoveryOptions>>().Value.TimeScale);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// The Functions worker's own builder (HostBuilder, as Program.cs there) with the same registration; only the worker's
    /// gRPC channel and the Durable engine are left out, since no Functions host runs here.
    /// </summary>
    private static IHost FunctionsLikeHost(Dictionary<string, string?> settings) =>
        new HostBuilder()
            .ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(settings))
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureServices((context, services) => services.AddCartRecovery(context.Configuration))
            .Build();

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}
