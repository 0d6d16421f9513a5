using CartRecovery.Core.Messaging.Api;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Messaging;
using CartRecovery.Integrations.Push;
using CartRecovery.Server.Http;

namespace CartRecovery.Server.Messages;

/// <summary>Delivery of recovery messages (<see cref="MessageDeliveryRegistration"/>) and its endpoints.</summary>
public static class MessagingRegistration
{
    /// <summary>Resend's webhook bodies are small JSON documents.</summary>
    private const long MaxWebhookBytes = 256 * 1024;

    public static WebApplicationBuilder AddMessaging(this WebApplicationBuilder builder)
    {
        builder.Services.AddMessageDelivery(builder.Configuration);
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
