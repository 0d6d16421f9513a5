using CartRecovery.Core.Health;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Shopify;
using CartRecovery.Hosting.Admin;
using CartRecovery.Hosting.Dashboard;
using CartRecovery.Hosting.Measurement;
using CartRecovery.Hosting.Messaging;
using CartRecovery.Hosting.Options;
using CartRecovery.Hosting.Recovery;
using CartRecovery.Hosting.Targeting;
using CartRecovery.Hosting.Webhooks;
using CartRecovery.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Hosting;

/// <summary>
/// The product, registered once for both hosts: options (bound, validated at start), storage, webhook ingestion and
/// abandonment, the engine-neutral side of recoveries, composition and delivery of messages, and every host-neutral
/// HTTP handler. A host adds its transport (endpoints or functions, background loops or timer triggers) and its engine
/// (<c>AddEmbeddedEngine</c> or <c>AddDurableEngine</c>), nothing else.
/// </summary>
public static class CartRecoveryRegistration
{
    public static IServiceCollection AddCartRecovery(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddBoundOptions<ShopifyOptions>(configuration, ShopifyOptions.Section);
        services.AddSingleton(sp => new SessionTokenValidator(sp.GetRequiredService<IOptions<ShopifyOptions>>().Value, sp.GetRequiredService<TimeProvider>()));

        services.AddCartRecoveryStorage(configuration);
        services.AddOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.Section);
        services.AddSingleton<IDependencyProbe, TableStorageProbe>();
        services.AddSingleton<HealthHandler>();

        services.AddWebhookIngestion(configuration);
        services.AddRecoveries(configuration);
        services.AddMessaging(configuration);
        services.AddShopifyAdmin(configuration);
        services.AddTargeting(configuration);
        services.AddMeasurement(configuration); // after messaging: it decorates the step executor and message events
        services.AddDashboard(configuration);
        return services;
    }
}
