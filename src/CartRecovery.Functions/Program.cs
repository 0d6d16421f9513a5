using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Api;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Functions.Recovery;
using CartRecovery.Functions.Tracking;
using CartRecovery.Integrations.Composition;
using CartRecovery.Integrations.Messaging;
using CartRecovery.Storage;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Carts;
using CartRecovery.Storage.Shops;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Storage.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        services.AddSingleton(sp => StepRetryPolicy.From(sp.GetRequiredService<IOptions<RecoveryOptions>>().Value));
        services.AddShops(configuration);
        services.AddSingleton<ISequenceIndex, TableSequenceIndex>();
        services.AddScoped<DurableClientHolder>();
        services.AddScoped<IRecoveryWorkflows, DurableRecoveryWorkflows>();
        services.AddScoped<IRecoveryEraser, DurableRecoveryEraser>();
        services.AddScoped<IPersonalDataHolder, RecoveryPersonalData>(); // the index rows and the instances' history
        services.AddScoped<SequencesHandler>();
        services.AddSingleton<ConfigHandler>();

        // Webhooks: ingestion, processing and abandonment detection (timer triggers in Webhooks/), privacy requests.
        services.AddWebhookStorage(configuration);
        services.AddSingleton(sp => new WebhookSignature(sp.GetRequiredService<IOptions<ShopifyOptions>>().Value));
        services.AddSingleton<ShopifyWebhookHandler>();
        services.AddSingleton<PrivacyRequestsHandler>();
        services.AddScoped(sp => new WebhookDeliveryProcessor(
            sp.GetRequiredService<CartRepository>(),
            sp.GetRequiredService<IShopRepository>(),
            sp.GetRequiredService<AbandonmentDueIndex>(),
            sp.GetRequiredService<IPrivacyRequestStore>(),
            sp.GetServices<IPersonalDataHolder>(),
            sp.GetRequiredService<IRecoveryWorkflows>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WebhookDeliveryProcessor>>()));
        services.AddScoped(sp => new WebhookInboxWorker(
            sp.GetRequiredService<WebhookInboxQueue>(),
            sp.GetRequiredService<WebhookDeliveryProcessor>(),
            sp.GetRequiredService<ILogger<WebhookInboxWorker>>()));
        services.AddScoped(sp => new AbandonmentSweeper(
            sp.GetRequiredService<AbandonmentDueIndex>(),
            sp.GetRequiredService<CartRepository>(),
            sp.GetRequiredService<IShopRepository>(),
            sp.GetRequiredService<IAbandonmentThresholds>(),
            sp.GetRequiredService<IRecoveryWorkflows>(),
            sp.GetRequiredService<ILogger<AbandonmentSweeper>>()));

        // Composition, tracked links, unsubscribe, storefront popup, suppression list.
        services.AddMessageComposition(configuration, ServiceLifetime.Scoped);

        // Delivery: channel providers, the message record, the step executor, the message API and provider webhooks.
        services.AddMessageDelivery(configuration);
    })
    .Build();

var recovery = host.Services.GetRequiredService<IOptions<RecoveryOptions>>().Value;
recovery.Validate();
if (host.Services.GetService<IStepExecutor>() is null)
{
    throw new InvalidOperationException(
        "No IStepExecutor is registered, so recovery steps could not send anything. Register the step executor " +
        "(compose, consent, send, record) from the messaging module in Program.cs.");
}

await host.RunAsync();
