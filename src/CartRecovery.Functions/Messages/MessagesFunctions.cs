using CartRecovery.Core.Messaging.Api;
using CartRecovery.Functions.Http;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Push;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Messages;

/// <summary>The message list and preview, Resend's webhooks and the storefront's push endpoints: the same handlers and routes as the server.</summary>
public sealed class MessagesFunctions(MessagesApi messages, ResendWebhookHandler resend, PushSubscriptionHandler push)
{
    [Function("MessagesList")]
    public Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/messages")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), messages.ListAsync, context.CancellationToken, 0);

    [Function("MessagesGet")]
    public Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/messages/{id}")] HttpRequestData request,
        string shop,
        string id,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop), ("id", id)), messages.GetAsync, context.CancellationToken, 0);

    [Function("MessagesPreview")]
    public Task<HttpResponseData> PreviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/messages/{id}/preview")] HttpRequestData request,
        string shop,
        string id,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop), ("id", id)), messages.PreviewAsync, context.CancellationToken, 0);

    [Function("ResendEvents")]
    public Task<HttpResponseData> ResendEventsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "providers/resend/events")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(), resend.HandleAsync, context.CancellationToken, ResendWebhookHandler.MaxBodyBytes);

    [Function("StorefrontPushKey")]
    public Task<HttpResponseData> PushKeyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "storefront/push/key")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(), push.PublicKeyAsync, context.CancellationToken, 0);

    [Function("StorefrontPushSubscribe")]
    public Task<HttpResponseData> PushSubscribeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "storefront/{shop}/push-subscriptions")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), push.SubscribeAsync, context.CancellationToken, PushSubscriptionHandler.MaxBodyBytes);
}
