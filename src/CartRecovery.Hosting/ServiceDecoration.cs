using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Hosting;

/// <summary>
/// Wraps an already registered service in a decorator, keeping its lifetime: how admin (stock, incentives), targeting (the
/// eligibility chain) and measurement put themselves in front of the step executor and the ports they observe.
/// </summary>
internal static class ServiceDecoration
{
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var original = services.LastOrDefault(d => d.ServiceType == typeof(TService) && !d.IsKeyedService)
            ?? throw new InvalidOperationException($"{typeof(TService).Name} must be registered before it is decorated.");
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(TService), sp => decorate((TService)Create(original, sp), sp), original.Lifetime));
        return services;
    }

    private static object Create(ServiceDescriptor descriptor, IServiceProvider services) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
