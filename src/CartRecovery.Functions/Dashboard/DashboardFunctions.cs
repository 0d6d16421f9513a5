using CartRecovery.Core.Dashboard;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Dashboard;

/// <summary>The embedded merchant dashboard: the same handler and routes as the self-hosted server.</summary>
public sealed class DashboardFunctions(DashboardHandler dashboard)
{
    [Function("DashboardPage")]
    public Task<HttpResponseData> PageAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string>(), dashboard.PageAsync, context.CancellationToken, 0);

    [Function("DashboardAsset")]
    public Task<HttpResponseData> AssetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "app/assets/{name}")] HttpRequestData request,
        string name,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string> { ["name"] = name }, dashboard.AssetAsync, context.CancellationToken, 0);

    [Function("DashboardDevSession")]
    public Task<HttpResponseData> DevSessionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "app/dev-session")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string>(), dashboard.DevSessionAsync, context.CancellationToken, 0);
}
