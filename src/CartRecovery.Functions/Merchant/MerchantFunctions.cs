using CartRecovery.Core.Workflow.Api;
using CartRecovery.Functions.Http;
using CartRecovery.Functions.Recovery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;

namespace CartRecovery.Functions.Merchant;

/// <summary>The merchant API for recoveries and configuration: the same handlers and routes as the self-hosted server.</summary>
public sealed class MerchantFunctions(SequencesHandler sequences, ConfigHandler config, DurableClientHolder durable)
{
    [Function("SequencesList")]
    public Task<HttpResponseData> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/sequences")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, Route(shop), sequences.ListAsync, context.CancellationToken);

    [Function("SequencesGet")]
    public Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/sequences/{id}")] HttpRequestData request,
        string shop,
        string id,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, Route(shop, id), sequences.GetAsync, context.CancellationToken);

    [Function("SequencesStop")]
    public Task<HttpResponseData> StopAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{shop}/sequences/{id}/stop")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string shop,
        string id,
        FunctionContext context) =>
        FunctionsHttp.HandleWithDurableClientAsync(durable, client, request, Route(shop, id), sequences.StopAsync, context.CancellationToken, SequencesHandler.MaxBodyBytes);

    [Function("SequencesRestart")]
    public Task<HttpResponseData> RestartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{shop}/sequences/{id}/restart")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        string shop,
        string id,
        FunctionContext context) =>
        FunctionsHttp.HandleWithDurableClientAsync(durable, client, request, Route(shop, id), sequences.RestartAsync, context.CancellationToken, SequencesHandler.MaxBodyBytes);

    [Function("ConfigGet")]
    public Task<HttpResponseData> GetConfigAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/config")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, Route(shop), config.GetAsync, context.CancellationToken);

    [Function("ConfigPut")]
    public Task<HttpResponseData> PutConfigAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "stores/{shop}/config")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, Route(shop), config.PutAsync, context.CancellationToken, ConfigHandler.MaxBodyBytes);

    private static Dictionary<string, string> Route(string shop, string? id = null) =>
        id is null ? new() { ["shop"] = shop } : new() { ["shop"] = shop, ["id"] = id };
}
