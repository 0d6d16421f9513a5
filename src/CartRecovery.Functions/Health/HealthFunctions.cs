using CartRecovery.Core.Health;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Health;

/// <summary><c>GET /api/health</c>: 200 when storage answers, 503 with the reason when not, as on the server.</summary>
public sealed class HealthFunctions(HealthHandler health)
{
    [Function("Health")]
    public Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string>(), health.HandleAsync, context.CancellationToken, 0);
}
