using CartRecovery.Core.Webhooks;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Webhooks;

/// <summary>The shop's dead-lettered deliveries, on the same host-neutral handler and route as the server.</summary>
public sealed class DeadLetterFunctions(DeadLettersHandler handler)
{
    [Function("WebhookDeadLetters")]
    public Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/webhooks/dead-letters")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string> { ["shop"] = shop }, handler.ListAsync, context.CancellationToken);
}
