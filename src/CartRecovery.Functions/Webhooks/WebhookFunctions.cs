using CartRecovery.Core.Webhooks;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;

namespace CartRecovery.Functions.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/shopify</c> on the same host-neutral handler as the server. The handler only verifies and records the
/// delivery; the processing that starts and signals recoveries runs in the server's background services and has no Functions
/// trigger yet (see docs/workflow.md).
/// </summary>
public sealed class WebhookFunctions(ShopifyWebhookHandler handler, IOptions<WebhookOptions> options)
{
    [Function("ShopifyWebhook")]
    public Task<HttpResponseData> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/shopify")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string>(), handler.HandleAsync, context.CancellationToken, options.Value.MaxBodyBytes);
}
