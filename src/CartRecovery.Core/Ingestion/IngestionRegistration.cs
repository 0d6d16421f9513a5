using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Ingestion;

/// <summary>
/// Registers the ingestion use cases (delivery processing per topic family, the abandonment sweeper) over the ports the
/// adapters register. <paramref name="lifetime"/> follows the workflow port: a singleton in the server, per invocation in
/// Functions (its Durable client is per invocation); <paramref name="workflows"/> resolves that port.
/// </summary>
public static class IngestionRegistration
{
    public static IServiceCollection AddIngestion(this IServiceCollection services, ServiceLifetime lifetime, Func<IServiceProvider, IRecoveryWorkflows> workflows)
    {
        services.Add(new ServiceDescriptor(typeof(CheckoutSupersession), sp => new CheckoutSupersession(sp.GetRequiredService<TrackedCarts>(), workflows(sp)), lifetime));
        services.Add(new ServiceDescriptor(typeof(CartDeliveries), sp => new CartDeliveries(
            sp.GetRequiredService<TrackedCarts>(), sp.GetRequiredService<CheckoutSupersession>(), workflows(sp), sp.GetRequiredService<ILogger<CartDeliveries>>()), lifetime));
        services.Add(new ServiceDescriptor(typeof(OrderDeliveries), sp => new OrderDeliveries(
            sp.GetRequiredService<TrackedCarts>(), sp.GetRequiredService<CheckoutSupersession>(), workflows(sp), sp.GetRequiredService<OrderAttributor>()), lifetime));
        services.Add(new ServiceDescriptor(typeof(ShopLifecycleDeliveries), sp => new ShopLifecycleDeliveries(
            sp.GetRequiredService<IShopRepository>(), sp.GetRequiredService<IAbandonmentDueIndex>(), workflows(sp), sp.GetRequiredService<IShopAccessTokens>(), sp.GetRequiredService<ILogger<ShopLifecycleDeliveries>>()), lifetime));
        services.Add(new ServiceDescriptor(typeof(PrivacyDeliveries), sp => new PrivacyDeliveries(
            sp.GetRequiredService<TrackedCarts>(),
            sp.GetRequiredService<IShopRepository>(),
            sp.GetRequiredService<IAbandonmentDueIndex>(),
            sp.GetRequiredService<IPrivacyRequestRepository>(),
            sp.GetServices<IPersonalDataHolder>(),
            sp.GetRequiredService<IShopAccessTokens>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<PrivacyDeliveries>>()), lifetime));
        services.Add(new ServiceDescriptor(typeof(WebhookDeliveryProcessor), typeof(WebhookDeliveryProcessor), lifetime));
        services.Add(new ServiceDescriptor(typeof(AbandonmentSweeper), sp => new AbandonmentSweeper(
            sp.GetRequiredService<IAbandonmentDueIndex>(),
            sp.GetRequiredService<TrackedCarts>(),
            sp.GetRequiredService<IShopRepository>(),
            Gated(sp, workflows(sp)),
            sp.GetRequiredService<ILogger<AbandonmentSweeper>>()), lifetime));
        return services;
    }

    /// <summary>Abandonment starts recoveries through the start-stage eligibility chain when one is registered.</summary>
    private static IRecoveryWorkflows Gated(IServiceProvider sp, IRecoveryWorkflows engine) =>
        sp.GetService<Targeting.RecoveryStartGate>() is { } gate
            ? new Targeting.GatedRecoveryWorkflows(engine, gate, sp.GetRequiredService<ILogger<Targeting.GatedRecoveryWorkflows>>())
            : engine;
}
