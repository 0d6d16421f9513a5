using CartRecovery.Core.Attribution;
using CartRecovery.Server.Hosting;
using CartRecovery.Server.Http;

namespace CartRecovery.Server.Measurement;

/// <summary>Attribution, analytics and experiments: the merchant's measurement routes.</summary>
public static class MeasurementEndpoints
{
    public static RouteGroupBuilder MapMeasurementEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/stores/{shop}/orders/{orderId}/attribution", (HttpContext context, AttributionApi attribution) => HostAdapter.HandleAsync(context, attribution.GetAsync))
            .MerchantOperation("OrderAttributionGet", "The recovery an order is attributed to: step, channel, variant, how it matched, revenue.", 200, problems: 404);
        return api;
    }
}
