using CartRecovery.Core.Dashboard;
using CartRecovery.Core.Shopify;
using CartRecovery.Hosting.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CartRecovery.Hosting.Dashboard;

/// <summary>
/// The embedded dashboard's handler. The development login is switched on by the host's environment alone
/// (<see cref="HostEnvironmentEnvExtensions.IsDevelopment"/>: ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT /
/// AZURE_FUNCTIONS_ENVIRONMENT), so no setting can turn it on in production.
/// </summary>
internal static class DashboardRegistration
{
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<DashboardOptions>(configuration, DashboardOptions.Section)
            .PostConfigure<IServiceProvider>((options, sp) => options.DevLoginEnabled = sp.GetService<IHostEnvironment>()?.IsDevelopment() == true);
        services.AddSingleton(sp => new DashboardHandler(
            sp.GetRequiredService<IOptions<ShopifyOptions>>().Value,
            sp.GetRequiredService<IOptions<DashboardOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
