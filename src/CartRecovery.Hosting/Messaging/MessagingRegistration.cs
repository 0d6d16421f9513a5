using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Tracking;
using CartRecovery.Hosting.Options;
using CartRecovery.Integrations.Ai;
using CartRecovery.Integrations.Composition;
using CartRecovery.Integrations.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Hosting.Messaging;

/// <summary>Composition of messages (templates, AI copy, links), the tracking and storefront handlers, and delivery.</summary>
internal static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AppLinkOptions, AppLinkOptionsValidator>(configuration, AppLinkOptions.Section);
        services.AddBoundOptions<CompositionOptions>(configuration, CompositionOptions.Section);
        services.AddBoundOptions<AiOptions>(configuration, AiOptions.Section);
        services.AddMessageDelivery(configuration);
        services.AddMessageComposition(configuration);
        return services;
    }
}
