using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Install;
using CartRecovery.Hosting.Options;
using CartRecovery.Integrations.ShopifyAdmin;
using CartRecovery.Storage.Admin;
using CartRecovery.Storage.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

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
        return services;
    }

    private static HttpClient Http(IServiceProvider services) => services.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
}
