using CartRecovery.Core.Targeting.Api;
using CartRecovery.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace CartRecovery.Functions.Merchant;

/// <summary>The shop's contact rules and the eligibility chain's counts: the same handler and routes as the self-hosted server.</summary>
public sealed class ContactRulesFunctions(ContactRulesHandler rules)
{
    [Function("ContactRulesGet")]
    public Task<HttpResponseData> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/contact-rules")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), rules.GetAsync, context.CancellationToken);

    [Function("ContactRulesPut")]
    public Task<HttpResponseData> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "stores/{shop}/contact-rules")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), rules.PutAsync, context.CancellationToken, ContactRulesHandler.MaxBodyBytes);

    [Function("ContactRulesStats")]
    public Task<HttpResponseData> StatsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "stores/{shop}/contact-rules/stats")] HttpRequestData request,
        string shop,
        FunctionContext context) =>
        FunctionsHttp.HandleAsync(request, FunctionsHttp.Route(("shop", shop)), rules.StatsAsync, context.CancellationToken);
}
