using CartRecovery.Core.Attribution;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Measurement;

/// <summary>Attribution, analytics and experiments: the same handlers and routes as the server.</summary>
public sealed class MeasurementFunctions(AttributionApi attribution)
{
    [Function("OrderAttributionGet")]
    public Task<HttpResponseData> AttributionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/orders/{orderId}/attribution")] HttpRequestData request,
        string shop,
        string orderId,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, Route(("shop", shop), ("orderId", orderId)), attribution.GetAsync, context.CancellationToken, 0);

    private static Dictionary<string, string> Route(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.OrdinalIgnoreCase);
}
