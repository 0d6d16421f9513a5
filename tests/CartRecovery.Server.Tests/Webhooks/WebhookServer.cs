using Azure.Data.Tables;
using CartRecovery.Core.Workflow;
using CartRecovery.Server.Hosting;
using CartRecovery.Storage;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Server.Tests.Webhooks;

/// <summary>
/// The real server (the same composition root as Program) on Kestrel on a free loopback port and Azurite, with a manual
/// clock and the recording workflow port; restartable on the same tables.
/// </summary>
internal sealed class WebhookServer : IAsyncDisposable
{
    public const string Shop = "example-shop.myshopify.com";
    public const string Secret = "test-secret";

    private readonly Dictionary<string, string?> settings;

    private WebhookServer(Dictionary<string, string?> settings, ManualTimeProvider time)
    {
        this.settings = settings;
        Time = time;
    }

    public ManualTimeProvider Time { get; }

    public RecordingRecoveryWorkflows Workflows { get; private set; } = new();

    public WebApplication Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public string TablePrefix => settings["Storage:TablePrefix"]!;

    public static async Task<WebhookServer> StartAsync(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = await AzuriteServer.Shared(),
            ["Storage:TablePrefix"] = "t" + Guid.NewGuid().ToString("N")[..10],
            ["Shopify:ApiKey"] = "test-app",
            ["Shopify:ApiSecrets:0"] = Secret,
            ["Abandonment:MaxIdlePoll"] = "1.00:00:00",
            ["Webhooks:SweepInterval"] = "00:00:01",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var now = DateTimeOffset.UtcNow;
        var server = new WebhookServer(settings, new ManualTimeProvider(new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero)));
        await server.StartHostAsync();
        return server;
    }

    /// <summary>Stops the process and starts a new one on the same tables and clock (a fresh workflow recorder too).</summary>
    public async Task RestartAsync(Func<Task>? whileDown = null)
    {
        Client.Dispose();
        await Host.StopAsync(TestContext.Current.CancellationToken);
        await Host.DisposeAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        Workflows = new RecordingRecoveryWorkflows();
        await StartHostAsync();
    }

    public async Task<HttpResponseMessage> PostAsync(string topic, byte[] body, string? secret = Secret, string? webhookId = null, string? eventId = null, string shop = Shop)
    {
        using var request = ShopifyWebhookRequest.Create(topic, shop, body, secret, webhookId, eventId, Time.GetUtcNow());
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public T Service<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public async Task<TableClient> TableAsync(string logicalName) =>
        await Service<StorageTables>().GetAsync(logicalName, TestContext.Current.CancellationToken);

    /// <summary>Polls (real time) until <paramref name="condition"/> holds; background processing is asynchronous by design.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }

            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    public static Task EventuallyAsync(Func<bool> condition, string what, TimeSpan? timeout = null) =>
        EventuallyAsync(() => Task.FromResult(condition()), what, timeout);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
    }

    private async Task StartHostAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddCartRecoveryServer();
        builder.Services.AddSingleton<IRecoveryWorkflows>(Workflows);
        builder.Services.AddSingleton<TimeProvider>(Time);
        Host = builder.Build();
        Host.MapCartRecoveryEndpoints();
        await Host.StartAsync(TestContext.Current.CancellationToken);
        var address = Host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }
}
