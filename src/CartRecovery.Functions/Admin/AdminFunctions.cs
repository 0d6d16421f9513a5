using CartRecovery.Core.Admin.Install;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Admin;

/// <summary>Installing the app: the same handlers and routes as the self-hosted server.</summary>
public sealed class AdminFunctions(InstallHandler install)
{
    [Function("InstallBegin")]
    public Task<HttpResponseData> BeginAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/install")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string>(), install.BeginAsync, context.CancellationToken, 0);

    [Function("InstallCallback")]
    public Task<HttpResponseData> CallbackAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "auth/callback")] HttpRequestData request,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string>(), install.CallbackAsync, context.CancellationToken, 0);

    [Function("InstallExchange")]
    public Task<HttpResponseData> ExchangeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{shop}/install")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string> { ["shop"] = shop }, install.ExchangeAsync, context.CancellationToken, InstallHandler.MaxBodyBytes);

    [Function("InstallStatus")]
    public Task<HttpResponseData> StatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/install")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, new Dictionary<string, string> { ["shop"] = shop }, install.StatusAsync, context.CancellationToken);
}
