using CartRecovery.Core.Privacy;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Webhooks;

/// <summary>The merchant's privacy request endpoints, on the same host-neutral handler and routes as the server.</summary>
public sealed class PrivacyFunctions(PrivacyRequestsHandler handler)
{
    [Function("PrivacyRequestsList")]
    public Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/privacy/requests")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string> { ["shop"] = shop }, handler.ListAsync, context.CancellationToken);

    [Function("PrivacyRequestsGet")]
    public Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/privacy/requests/{id}")] HttpRequestData request,
        string shop,
        string id,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string> { ["shop"] = shop, ["id"] = id }, handler.GetAsync, context.CancellationToken);
}
