using CartRecovery.Core.Merchant;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Api;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Functions.Recovery;
using CartRecovery.Storage;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Storage.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// The HostBuilder form works on every 2.x worker; settings come from local.settings.json "Values" or app settings,
// with the same keys as the server ("Storage__ConnectionString", "Recovery__TimeScale", "Shopify__ApiKey", ...).
var host = new HostBuilder()
    .ConfigureFunctionsWorkerDefaults()
    .ConfigureAppConfiguration(configuration => configuration.AddEnvironmentVariables())
    .ConfigureServices((context, services) =>
    {
        var configuration = context.Configuration;
        services.AddSingleton(TimeProvider.System);
        services.AddCartRecoveryStorage(configuration);
        services.AddOptions<ShopifyOptions>().Bind(configuration.GetSection(ShopifyOptions.Section));
        services.AddSingleton(sp => new SessionTokenValidator(sp.GetRequiredService<IOptions<ShopifyOptions>>().Value, sp.GetRequiredService<TimeProvider>()));

        // Recovery workflows on Durable Functions.
        services.AddOptions<RecoveryOptions>().Bind(configuration.GetSection(RecoveryOptions.Section));
        services.AddSingleton<IStoreSettings, TableStoreSettings>();
        services.AddSingleton<ISequenceIndex, TableSequenceIndex>();
        services.AddScoped<DurableClientHolder>();
        services.AddScoped<IRecoveryWorkflows, DurableRecoveryWorkflows>();
        services.AddScoped<SequencesHandler>();
        services.AddSingleton<ConfigHandler>();

        // Webhook ingestion (the webhook module's handler and inbox).
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section));
        services.AddSingleton(sp => new WebhookSignature(sp.GetRequiredService<IOptions<ShopifyOptions>>().Value));
        services.AddSingleton<InboxSignal>();
        services.AddSingleton<IWebhookInbox, TableWebhookInbox>();
        services.AddSingleton<ShopifyWebhookHandler>();
    })
    .Build();

host.Services.GetRequiredService<IOptions<RecoveryOptions>>().Value.Validate();
if (host.Services.GetService<IStepExecutor>() is null)
{
    throw new InvalidOperationException(
        "No IStepExecutor is registered, so recovery steps could not send anything. Register the step executor " +
        "(compose, consent, send, record) from the messaging module in Program.cs.");
}

await host.RunAsync();
