using CartRecovery.Core.Messaging.Api;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Push;
using CartRecovery.Server.Hosting;
using CartRecovery.Server.Http;

namespace CartRecovery.Server.Messages;

/// <summary>The message list and preview, Resend's webhooks and the storefront's push endpoints.</summary>
public static class MessageEndpoints
{
    public static RouteGroupBuilder MapMessageEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{shop}/messages", (HttpContext context, MessagesApi messages) => HostAdapter.HandleAsync(context, messages.ListAsync))
            .MerchantOperation("MessagesList", "Lists the shop's messages, by channel and status, a page at a time.", 200);
        api.MapGet("/stores/{shop}/messages/{id}", (HttpContext context, MessagesApi messages) => HostAdapter.HandleAsync(context, messages.GetAsync))
            .MerchantOperation("MessagesGet", "One message: channel, status, provider events.", 200, problems: 404);
        api.MapGet("/stores/{shop}/messages/{id}/preview", (HttpContext context, MessagesApi messages) => HostAdapter.HandleAsync(context, messages.PreviewAsync))
            .MerchantOperation("MessagesPreview", "The message as its recipient saw it, as an HTML page.", 200, "text/html", 404);
        api.MapPost("/providers/resend/events", (HttpContext context, ResendWebhookHandler resend) => HostAdapter.HandleAsync(context, resend.HandleAsync, ResendWebhookHandler.MaxBodyBytes));
        api.MapGet("/storefront/push/key", (HttpContext context, PushSubscriptionHandler push) => HostAdapter.HandleAsync(context, push.PublicKeyAsync));
        api.MapPost("/storefront/{shop}/push-subscriptions", (HttpContext context, PushSubscriptionHandler push) => HostAdapter.HandleAsync(context, push.SubscribeAsync, PushSubscriptionHandler.MaxBodyBytes));
        return api;
    }
}
