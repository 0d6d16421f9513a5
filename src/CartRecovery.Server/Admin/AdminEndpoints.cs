using CartRecovery.Core.Admin.Install;
using CartRecovery.Server.Hosting;
using CartRecovery.Server.Http;

namespace CartRecovery.Server.Admin;

/// <summary>Installing the app: the code grant's redirect and callback, and the embedded app's token exchange and status.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/auth/install", (HttpContext c, InstallHandler h) => HostAdapter.HandleAsync(c, h.BeginAsync, 0));
        api.MapGet("/auth/callback", (HttpContext c, InstallHandler h) => HostAdapter.HandleAsync(c, h.CallbackAsync, 0));
        api.MapPost("/stores/{shop}/install", (HttpContext c, InstallHandler h) => HostAdapter.HandleAsync(c, h.ExchangeAsync, InstallHandler.MaxBodyBytes))
            .MerchantOperation("InstallExchange", "Exchanges the embedded app's session token for the shop's offline Admin API token (install or reinstall).", 200, problems: [413, 502, 503]);
        api.MapGet("/stores/{shop}/install", (HttpContext c, InstallHandler h) => HostAdapter.HandleAsync(c, h.StatusAsync))
            .MerchantOperation("InstallStatus", "Whether the app holds Admin API access for the shop, its scopes and the configured scopes it lacks.", 200);
        return api;
    }
}
