using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Api;
using CartRecovery.Core.Messaging.Steps;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Push;
using CartRecovery.Storage.Messages;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Messaging;

/// <summary>Delivery of recovery messages, the same for both hosts: channel providers, the message store, Core's step executor and the handlers of its endpoints.</summary>
public static class MessageDeliveryRegistration
{
    public static IServiceCollection AddMessageDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddChannelProviders(configuration);
        services.AddMessageStorage();
        services.Configure<StepDeliveryOptions>(configuration.GetSection(StepDeliveryOptions.SmsSection));
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<StepDeliveryOptions>>().Value);

        // Factories, not type registrations: the composer and the suppression list come from the composition concern, and
        // start-up validation must not fail on a deployment that has not registered them yet (they resolve on first use).
        services.AddSingleton<IStepExecutor>(sp => ActivatorUtilities.CreateInstance<StepExecutor>(sp));
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ResendWebhookHandler>(sp));
        services.AddSingleton<MessagesApi>();
        services.AddSingleton<PushSubscriptionHandler>();
        return services;
    }
}
