using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Install;
using CartRecovery.Core.Catalog;
using CartRecovery.Core.Incentives;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Reconciliation;
using CartRecovery.Storage.Incentives;
using CartRecovery.Hosting.Options;
using CartRecovery.Integrations.ShopifyAdmin;
using CartRecovery.Storage.Admin;
using CartRecovery.Storage.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Hosting.Admin;

/// <summary>
/// The shop's Admin API: options (validated at start), the encrypted token store and install nonces, the OAuth and GraphQL
/// clients (one pooled <see cref="HttpClient"/> each), the access provider features ask for a token, and the install handler.
/// </summary>
internal static class AdminRegistration
{
    private const string HttpClientName = "ShopifyAdmin";

    public static IServiceCollection AddShopifyAdmin(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShopifyAdminOptions, ShopifyAdminOptionsValidator>(configuration, ShopifyAdminOptions.Section);
        services.AddOptions<SecurityOptions, SecurityOptionsValidator>(configuration, SecurityOptions.Section);
        services.AddSingleton<SecretKeyRing>();
        services.AddSingleton<IShopAccessTokens, TableShopAccessTokens>();
        services.AddSingleton<IInstallNonces, TableInstallNonces>();
        // Singletons (the client keeps each shop's cost bucket) on one long-lived handler that still renews connections (DNS).
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<IShopifyOAuth>(sp => ActivatorUtilities.CreateInstance<ShopifyOAuthClient>(sp, Http(sp)));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AdminGraphQlClient>(sp, Http(sp)));
        services.AddSingleton<ShopAccessProvider>();
        services.AddSingleton<InstallHandler>();

        services.AddOptions<IncentiveRules, IncentiveRulesValidator>(configuration, IncentiveRules.Section);
        services.AddSingleton<IIncentiveLedger, TableIncentiveLedger>();
        services.AddSingleton<Core.Privacy.IPersonalDataHolder, Storage.Incentives.IncentivePersonalData>();
        services.AddSingleton<IDiscountCodes, ShopifyDiscountCodes>();
        services.AddSingleton<IncentiveIssuer>();
        services.AddBoundOptions<CatalogOptions>(configuration, CatalogOptions.Section);
        services.AddSingleton<IInventoryLookup, ShopifyInventoryLookup>();
        DecorateStepExecutor(services);

        services.AddOptions<ReconciliationOptions, ReconciliationOptionsValidator>(configuration, ReconciliationOptions.Section);
        services.AddSingleton<IReconciliationState, TableReconciliationState>();
        services.AddSingleton<Core.Privacy.IPersonalDataHolder>(sp => new Storage.Privacy.ShopTablesPersonalData(
            sp.GetRequiredService<Storage.StorageTables>(), "reconciliation", [TableReconciliationState.TableName]));
        services.AddSingleton<IShopifyChangeFeed, ShopifyChangeFeed>();
        services.AddSingleton<ShopReconciler>();
        return services;
    }

    /// <summary>
    /// Puts incentives in front of the registered step executor (registered by messaging, before this): stock first (the
    /// incentive sees the cart as the message will show it), then the incentive, then the step itself.
    /// </summary>
    private static void DecorateStepExecutor(IServiceCollection services) =>
        services.Decorate<IStepExecutor>((inner, sp) => new InventoryStepExecutor(
            new IncentiveStepExecutor(inner, sp.GetRequiredService<IncentiveIssuer>(), sp.GetRequiredService<ILogger<IncentiveStepExecutor>>()),
            sp.GetRequiredService<IInventoryLookup>(),
            sp.GetRequiredService<ShopAccessProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CatalogOptions>>(),
            sp.GetRequiredService<ILogger<InventoryStepExecutor>>()));

    private static HttpClient Http(IServiceProvider services) => services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
