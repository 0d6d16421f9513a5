using CartRecovery.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Hosting;

/// <summary>
/// The real server (Program) on a real Kestrel listener on a free loopback port, with settings as a deployment would pass
/// them (configuration keys) and, where a test needs it, extra services.
/// </summary>
public sealed class ServerHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? configureServices;
    private readonly string environment;

    private ServerHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? configureServices, string environment)
    {
        this.settings = settings;
        this.configureServices = configureServices;
        this.environment = environment;
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    /// <summary>Starts the server against <paramref name="storageConnectionString"/> (default: the shared Azurite) with its own table prefix.</summary>
    public static async Task<ServerHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configureServices = null,
        string? storageConnectionString = null,
        string environment = "Testing")
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

        var host = new ServerHost(all, configureServices, environment);
        // UseKestrel() without a port: with a port, WebApplicationFactory rewrites the server addresses after Build while the
        // app's own thread may already be binding, which intermittently throws "Addresses cannot be modified after the server
        // has started" (dotnet/aspnetcore#67714). The port comes from the "urls" setting (127.0.0.1:0) instead.
        host.UseKestrel();
        host.StartServer();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (configureServices is not null)
        {
            builder.ConfigureServices(configureServices);
        }
    }
}
