using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Api;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Messaging;
using CartRecovery.Integrations.Push;
using CartRecovery.Storage.Messages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Functions.Messages;

/// <summary>The same delivery services as the server's MessagingRegistration: providers, message store, step executor, handlers.</summary>
public static class MessagingRegistration
{
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChannelProviders(configuration);
        services.AddMessageStore();
        services.AddSingleton<IStepExecutor>(sp => ActivatorUtilities.CreateInstance<StepExecutor>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ResendWebhookHandler>(sp));
        services.AddSingleton<MessagesApi>();
        services.AddSingleton<PushSubscriptionHandler>();
        return services;
    }
}
