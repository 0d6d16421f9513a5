using CartRecovery.Core.Analytics;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Experiments.Api;
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
        api.MapGet("/stores/{shop}/analytics", (HttpContext context, AnalyticsApi analytics) => HostAdapter.HandleAsync(context, analytics.SummaryAsync))
            .MerchantOperation("AnalyticsSummary", "Recovery results for a period (from, to as YYYY-MM-DD): recoveries, messages, recovered orders and revenue, rates, ROI, incremental lift.", 200);
        api.MapGet("/stores/{shop}/analytics/daily", (HttpContext context, AnalyticsApi analytics) => HostAdapter.HandleAsync(context, analytics.DailyAsync))
            .MerchantOperation("AnalyticsDaily", "One analytics figure (metric) per day of a period.", 200);
        api.MapGet("/stores/{shop}/analytics/export.csv", (HttpContext context, AnalyticsApi analytics) => HostAdapter.HandleAsync(context, analytics.ExportAsync))
            .MerchantOperation("AnalyticsExport", "Every daily analytics figure of a period as CSV.", 200, "text/csv");
        api.MapGet("/stores/{shop}/experiments", (HttpContext context, ExperimentsApi experiments) => HostAdapter.HandleAsync(context, experiments.ListAsync))
            .MerchantOperation("ExperimentsList", "The shop's experiments with live results.", 200);
        api.MapPost("/stores/{shop}/experiments", (HttpContext context, ExperimentsApi experiments) => HostAdapter.HandleAsync(context, experiments.CreateAsync, ExperimentsApi.MaxBodyBytes))
            .MerchantOperation("ExperimentsCreate", "Creates an experiment (a draft) or a holdout.", 201);
        api.MapGet("/stores/{shop}/experiments/{id}", (HttpContext context, ExperimentsApi experiments) => HostAdapter.HandleAsync(context, experiments.GetAsync))
            .MerchantOperation("ExperimentsGet", "One experiment with live results (z-test, probability to beat control, sample-ratio check).", 200, problems: 404);
        api.MapPatch("/stores/{shop}/experiments/{id}", (HttpContext context, ExperimentsApi experiments) => HostAdapter.HandleAsync(context, experiments.PatchAsync, ExperimentsApi.MaxBodyBytes))
            .MerchantOperation("ExperimentsUpdate", "Starts, pauses, resumes or ends an experiment, or renames it.", 200, problems: [404, 409]);
        return api;
    }
}
