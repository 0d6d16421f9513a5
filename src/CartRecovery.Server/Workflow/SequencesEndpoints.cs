using CartRecovery.Core.Workflow.Api;
using CartRecovery.Server.Hosting;
using CartRecovery.Server.Http;

namespace CartRecovery.Server.Workflow;

public static class SequencesEndpoints
{
    /// <summary>The merchant API for recoveries and their configuration, under <c>/api/stores/{shop}/…</c>.</summary>
    public static RouteGroupBuilder MapSequencesEndpoints(this RouteGroupBuilder api)
    {
        var shop = api.MapGroup("/stores/{shop}");
        shop.MapGet("/sequences", (HttpContext c, SequencesHandler h) => HostAdapter.HandleAsync(c, h.ListAsync))
            .MerchantOperation("SequencesList", "Lists the shop's recoveries, by status, a page at a time.", 200);
        shop.MapGet("/sequences/{id}", (HttpContext c, SequencesHandler h) => HostAdapter.HandleAsync(c, h.GetAsync))
            .MerchantOperation("SequencesGet", "One recovery: its steps and what became of them.", 200, problems: 404);
        shop.MapPost("/sequences/{id}/stop", (HttpContext c, SequencesHandler h) => HostAdapter.HandleAsync(c, h.StopAsync, SequencesHandler.MaxBodyBytes))
            .MerchantOperation("SequencesStop", "Asks the engine to stop a recovery, with a reason.", 202, problems: [404, 409, 413]);
        shop.MapPost("/sequences/{id}/restart", (HttpContext c, SequencesHandler h) => HostAdapter.HandleAsync(c, h.RestartAsync, SequencesHandler.MaxBodyBytes))
            .MerchantOperation("SequencesRestart", "Asks the engine to restart a stopped recovery.", 202, problems: [404, 409, 413]);
        shop.MapGet("/config", (HttpContext c, ConfigHandler h) => HostAdapter.HandleAsync(c, h.GetAsync))
            .MerchantOperation("ConfigGet", "The shop's recovery settings (the presets until it saves its own).", 200);
        shop.MapPut("/config", (HttpContext c, ConfigHandler h) => HostAdapter.HandleAsync(c, h.PutAsync, ConfigHandler.MaxBodyBytes))
            .MerchantOperation("ConfigPut", "Replaces the shop's recovery settings after validating them.", 200, problems: 413);
        return api;
    }
}
