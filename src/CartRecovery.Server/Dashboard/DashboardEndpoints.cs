using CartRecovery.Core.Dashboard;
using CartRecovery.Server.Http;

namespace CartRecovery.Server.Dashboard;

/// <summary>The embedded merchant dashboard: the page, its assets and the development login (same routes on Azure Functions).</summary>
public static class DashboardEndpoints
{
    public static RouteGroupBuilder MapDashboardEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/app", (HttpContext c, DashboardHandler h) => HostAdapter.HandleAsync(c, h.PageAsync, 0));
        api.MapGet("/app/assets/{name}", (HttpContext c, DashboardHandler h) => HostAdapter.HandleAsync(c, h.AssetAsync, 0));
        api.MapPost("/app/dev-session", (HttpContext c, DashboardHandler h) => HostAdapter.HandleAsync(c, h.DevSessionAsync, 0));
        return api;
    }
}
