using CartRecovery.Core.Webhooks;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Extensions.Options;

namespace CartRecovery.Functions.Webhooks;

/// <summary>
/// <c>POST /api/webhooks/shopify</c> on the same host-neutral handler as the server. The handler only verifies and records the
/// delivery; <see cref="WebhookProcessingFunctions"/> processes it and detects abandonment (docs/webhooks.md).
/// </summary>
public sealed class WebhookFunctions(ShopifyWebhookHandler handler, IOptions<WebhookOptions> options)
{
    [Function("ShopifyWebhook")]
    public Task<HttpResponseData> ReceiveAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/shopify")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string>(), handler.HandleAsync, context.CancellationToken, options.Value.MaxBodyBytes);
}
