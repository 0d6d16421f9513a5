using CartRecovery.Core.Messaging;
using CartRecovery.RunnerHost;
using CartRecovery.Storage;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CartRecovery.Server.Tests.Hosting;

/// <summary>
/// The real server (Program) on a real Kestrel listener on a free loopback port, with settings as a deployment would pass
/// them (configuration keys) and, where a test needs it, extra services.
/// </summary>
public sealed class ServerHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;

    private ServerHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        this.settings = settings;
        this.configureServices = configureServices;
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Starts the server against <paramref name="storageConnectionString"/> (default: the shared Azurite) with its own table prefix.</summary>
    public static async Task<ServerHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string? storageConnectionString = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = storageConnectionString ?? await AzuriteServer.Shared(),
            ["Storage:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
            ["Shopify:ApiKey"] = "test-app",
            ["Shopify:ApiSecrets:0"] = "test-secret",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var host = new ServerHost(all, configureServices);
        host.UseKestrel(0);
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }

        // The recovery runner refuses to start without a step executor; until the app registers its real one, tests get one that records.
        builder.ConfigureServices(services => services.TryAddSingleton<IStepExecutor>(sp => new RecordingStepExecutor(sp.GetRequiredService<StorageTables>(), sp.GetRequiredService<TimeProvider>())));
    }
}
