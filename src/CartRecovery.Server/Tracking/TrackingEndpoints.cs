using CartRecovery.Core.Http;
using CartRecovery.Core.Storefront;
using CartRecovery.Core.Tracking;
using CartRecovery.Server.Http;

namespace CartRecovery.Server.Tracking;

/// <summary>Maps the tracking, unsubscribe and storefront endpoints onto their host-neutral handlers.</summary>
public static class TrackingEndpoints
{
    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    public static RouteGroupBuilder MapTrackingEndpoints(this RouteGroupBuilder api)
    {
        // HEAD as well as GET: link checkers and mail scanners probe with HEAD; the handlers record nothing for it.
        api.MapMethods("/t/c/{token}", GetOrHead, (HttpContext context, ClickRedirectHandler handler) => HostAdapter.HandleAsync(context, handler.HandleAsync, 0));
        api.MapMethods("/s/{id}", GetOrHead, (HttpContext context, ShortLinkHandler handler) => HostAdapter.HandleAsync(context, handler.HandleAsync, 0));
        api.MapMethods("/t/o/{token}", GetOrHead, (HttpContext context, OpenPixelHandler handler) => HostAdapter.HandleAsync(context, handler.HandleAsync, 0));
        api.MapGet("/u/{token}", (HttpContext context, UnsubscribeHandler handler) => HostAdapter.HandleAsync(context, handler.PageAsync, 0));
        api.MapPost("/u/{token}", (HttpContext context, UnsubscribeHandler handler) => HostAdapter.HandleAsync(context, handler.PostAsync, UnsubscribeHandler.MaxFormBytes));

        api.MapGet("/storefront/recovery.js", (HttpContext context) => HostAdapter.HandleAsync(context, ScriptAsync, 0));
        api.MapGet("/storefront/popup", (HttpContext context, PopupHandler handler) => HostAdapter.HandleAsync(context, handler.HandleAsync, 0));
        api.MapPost("/storefront/events", (HttpContext context, StorefrontEventsHandler handler) => HostAdapter.HandleAsync(context, handler.HandleAsync, StorefrontEventsHandler.MaxBodyBytes));
        return api;
    }

    private static Task<HostResponse> ScriptAsync(HostRequest request, CancellationToken cancellationToken) => Task.FromResult(StorefrontScript.Handle(request));
}
