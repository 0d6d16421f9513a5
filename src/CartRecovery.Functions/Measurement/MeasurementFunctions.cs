using CartRecovery.Core.Analytics;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Experiments.Api;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Measurement;

/// <summary>Attribution, analytics and experiments: the same handlers and routes as the server.</summary>
public sealed class MeasurementFunctions(AttributionApi attribution, AnalyticsApi analytics, ExperimentsApi experiments)
{
    [Function("OrderAttributionGet")]
    public Task<HttpResponseData> AttributionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/orders/{orderId}/attribution")] HttpRequestData request,
        string shop,
        string orderId,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop), ("orderId", orderId)), attribution.GetAsync, context.CancellationToken, 0);

    [Function("AnalyticsSummary")]
    public Task<HttpResponseData> AnalyticsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/analytics")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), analytics.SummaryAsync, context.CancellationToken, 0);

    [Function("AnalyticsDaily")]
    public Task<HttpResponseData> DailyAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/analytics/daily")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), analytics.DailyAsync, context.CancellationToken, 0);

    [Function("AnalyticsExport")]
    public Task<HttpResponseData> ExportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/analytics/export.csv")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), analytics.ExportAsync, context.CancellationToken, 0);

    [Function("ExperimentsList")]
    public Task<HttpResponseData> ExperimentsListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/experiments")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), experiments.ListAsync, context.CancellationToken, 0);

    [Function("ExperimentsCreate")]
    public Task<HttpResponseData> ExperimentsCreateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{shop}/experiments")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), experiments.CreateAsync, context.CancellationToken, ExperimentsApi.MaxBodyBytes);

    [Function("ExperimentsGet")]
    public Task<HttpResponseData> ExperimentsGetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/experiments/{id}")] HttpRequestData request,
        string shop,
        string id,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop), ("id", id)), experiments.GetAsync, context.CancellationToken, 0);

    [Function("ExperimentsUpdate")]
    public Task<HttpResponseData> ExperimentsUpdateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "stores/{shop}/experiments/{id}")] HttpRequestData request,
        string shop,
        string id,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop), ("id", id)), experiments.PatchAsync, context.CancellationToken, ExperimentsApi.MaxBodyBytes);
}
