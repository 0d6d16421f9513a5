using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Api;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Messaging;
using CartRecovery.Integrations.Push;
using CartRecovery.Server.Http;
using CartRecovery.Storage.Messages;

namespace CartRecovery.Server.Messages;

/// <summary>Delivery of recovery messages: channel providers, the message record store, the step executor, and their endpoints.</summary>
public static class MessagingRegistration
{
    /// <summary>Resend's webhook bodies are small JSON documents.</summary>
    private const long MaxWebhookBytes = 256 * 1024;

    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddChannelProviders(builder.Configuration);
        builder.Services.AddMessageStore();
        // Factories, not type registrations: the composer and the suppression list come from the composition concern, and
        // start-up validation must not fail on a deployment that has not registered them yet (they resolve on first use).
        builder.Services.AddSingleton<IStepExecutor>(sp => ActivatorUtilities.CreateInstance<StepExecutor>(sp));
        builder.Services.AddSingleton(sp => ActivatorUtilities.CreateInstance<ResendWebhookHandler>(sp));
        builder.Services.AddSingleton<MessagesApi>();
        builder.Services.AddSingleton<PushSubscriptionHandler>();
        return builder;
    }

    public static RouteGroupBuilder MapMessagesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{shop}/messages", (HttpContext context, MessagesApi messages) => HostAdapter.HandleAsync(context, messages.ListAsync));
        api.MapGet("/stores/{shop}/messages/{id}", (HttpContext context, MessagesApi messages) => HostAdapter.HandleAsync(context, messages.GetAsync));
        api.MapGet("/stores/{shop}/messages/{id}/preview", (HttpContext context, MessagesApi messages) => HostAdapter.HandleAsync(context, messages.PreviewAsync));
        api.MapPost("/providers/resend/events", (HttpContext context, ResendWebhookHandler resend) => HostAdapter.HandleAsync(context, resend.HandleAsync, MaxWebhookBytes));
        api.MapGet("/storefront/push/key", (HttpContext context, PushSubscriptionHandler push) => HostAdapter.HandleAsync(context, push.PublicKeyAsync));
        api.MapPost("/storefront/{shop}/push-subscriptions", (HttpContext context, PushSubscriptionHandler push) => HostAdapter.HandleAsync(context, push.SubscribeAsync, PushSubscriptionHandler.MaxBodyBytes));
        return api;
    }
}
