using CartRecovery.Core.Storefront;
using CartRecovery.Core.Tracking;
using CartRecovery.Functions.Http;
using CartRecovery.Functions.Recovery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace CartRecovery.Functions.Tracking;

/// <summary>Tracked clicks, the open pixel, short links, unsubscribe and the storefront popup: the same handlers and routes as the server.</summary>
public sealed class TrackingFunctions(
    ClickRedirectHandler click,
    OpenPixelHandler pixel,
    ShortLinkHandler shortLinks,
    UnsubscribeHandler unsubscribe,
    PopupHandler popup,
    StorefrontEventsHandler events,
    DurableClientHolder durable)
{
    [Function("TrackClick")]
    public Task<HttpResponseData> ClickAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "t/c/{token}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string token,
        FunctionContext context) =>
        FunctionsHttp.HandleWithDurableClientAsync(durable, client, request, Route("token", token), click.HandleAsync, context.CancellationToken, 0);

    [Function("TrackOpen")]
    public Task<HttpResponseData> OpenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "t/o/{token}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string token,
        FunctionContext context) =>
        FunctionsHttp.HandleWithDurableClientAsync(durable, client, request, Route("token", token), pixel.HandleAsync, context.CancellationToken, 0);

    [Function("ShortLink")]
    public Task<HttpResponseData> ShortLinkAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "s/{id}")] HttpRequestData request,
        string id,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, Route("id", id), shortLinks.HandleAsync, context.CancellationToken, 0);

    [Function("UnsubscribePage")]
    public Task<HttpResponseData> UnsubscribePageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "u/{token}")] HttpRequestData request,
        string token,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, Route("token", token), unsubscribe.PageAsync, context.CancellationToken, 0);

    [Function("Unsubscribe")]
    public Task<HttpResponseData> UnsubscribeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "u/{token}")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string token,
        FunctionContext context) =>
        FunctionsHttp.HandleWithDurableClientAsync(durable, client, request, Route("token", token), unsubscribe.PostAsync, context.CancellationToken, UnsubscribeHandler.MaxFormBytes);

    [Function("StorefrontScript")]
    public Task<HttpResponseData> ScriptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "storefront/recovery.js")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string>(), (hostRequest, _) => Task.FromResult(StorefrontScript.Handle(hostRequest)), context.CancellationToken, 0);

    [Function("StorefrontPopup")]
    public Task<HttpResponseData> PopupAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "storefront/popup")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string>(), popup.HandleAsync, context.CancellationToken, 0);

    [Function("StorefrontEvents")]
    public Task<HttpResponseData> EventsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "storefront/events")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        FunctionsHttp.HandleWithDurableClientAsync(durable, client, request, new Dictionary<string, string>(), events.HandleAsync, context.CancellationToken, StorefrontEventsHandler.MaxBodyBytes);

    private static Dictionary<string, string> Route(string name, string value) => new() { [name] = value };
}
