using CartRecovery.Core.Workflow.Api;
using CartRecovery.Server.Http;

namespace CartRecovery.Server.Workflow;

public static class SequencesEndpoints
{
    /// <summary>The merchant API for recoveries and their configuration, under <c>/api/stores/{shop}/…</c>.</summary>
    public static RouteGroupBuilder MapSequencesApi(this RouteGroupBuilder api)
    {
        var store = api.MapGroup("/stores/{shop}");
        store.MapGet("/sequences", (HttpContext c, SequencesHandler h) => HostAdapter.HandleAsync(c, h.ListAsync));
        store.MapGet("/sequences/{id}", (HttpContext c, SequencesHandler h) => HostAdapter.HandleAsync(c, h.GetAsync));
        store.MapPost("/sequences/{id}/stop", (HttpContext c, SequencesHandler h) => HostAdapter.HandleAsync(c, h.StopAsync, 16 * 1024));
        store.MapPost("/sequences/{id}/restart", (HttpContext c, SequencesHandler h) => HostAdapter.HandleAsync(c, h.RestartAsync, 16 * 1024));
        store.MapGet("/config", (HttpContext c, ConfigHandler h) => HostAdapter.HandleAsync(c, h.GetAsync));
        store.MapPut("/config", (HttpContext c, ConfigHandler h) => HostAdapter.HandleAsync(c, h.PutAsync, ConfigHandler.MaxBodyBytes));
        return api;
    }
}
