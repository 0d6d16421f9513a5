using System.Globalization;
using System.Text;
using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Analytics;

/// <summary>
/// <c>GET /api/stores/{shop}/analytics?from&amp;to</c> (the period's summary), <c>…/analytics/daily?metric=&amp;from&amp;to</c>
/// (one figure per day) and <c>…/analytics/export.csv?from&amp;to</c> (every daily figure as CSV). Dates are UTC days,
/// <c>YYYY-MM-DD</c>, both inclusive; without them, the last 30 days. Each answer reads one rollup row per day.
/// </summary>
public sealed class AnalyticsApi(IAnalyticsRollups rollups, SessionTokenValidator sessions, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    public const int MaxDays = 366;

    public async Task<HostResponse> SummaryAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (Check(request, out var shop, out var from, out var to) is { } refused)
        {
            return refused;
        }

        var days = await rollups.ReadAsync(shop, from, to, cancellationToken).ConfigureAwait(false);
        return HostResponse.Ok(AnalyticsReport.Build(shop, from, to, days, options.Value));
    }

    public async Task<HostResponse> DailyAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (Check(request, out var shop, out var from, out var to) is { } refused)
        {
            return refused;
        }

        var metric = request.QueryValue("metric") ?? "recoveredRevenue";
        if (!DailyMetrics.ByName.TryGetValue(metric, out var select))
        {
            return HostResponse.Problem(400, "Unknown metric", "metric must be one of " + string.Join(", ", DailyMetrics.ByName.Keys) + ".");
        }

        var series = (await PerDayAsync(shop, from, to, cancellationToken).ConfigureAwait(false)).Select(d => new { date = d.From, value = select(d) });
        return HostResponse.Ok(new { metric = DailyMetrics.ByName.Keys.First(k => string.Equals(k, metric, StringComparison.OrdinalIgnoreCase)), from, to, points = series });
    }

    public async Task<HostResponse> ExportAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (Check(request, out var shop, out var from, out var to) is { } refused)
        {
            return refused;
        }

        var csv = new StringBuilder("date,currency," + string.Join(',', DailyMetrics.ByName.Keys) + "\r\n");
        foreach (var day in await PerDayAsync(shop, from, to, cancellationToken).ConfigureAwait(false))
        {
            csv.Append(day.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',').Append(day.Currency);
            foreach (var select in DailyMetrics.ByName.Values)
            {
                csv.Append(',').Append(select(day)?.ToString(CultureInfo.InvariantCulture));
            }

            csv.Append("\r\n");
        }

        var response = HostResponse.Text(csv.ToString(), "text/csv; charset=utf-8");
        return response with { Headers = new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename=\"analytics-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv\"" } };
    }

    private async Task<List<AnalyticsSummary>> PerDayAsync(string shop, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var days = (await rollups.ReadAsync(shop, from, to, cancellationToken).ConfigureAwait(false)).ToDictionary(d => d.Day);
        var list = new List<AnalyticsSummary>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            list.Add(AnalyticsReport.Build(shop, day, day, days.TryGetValue(day, out var rollup) ? [rollup] : [], options.Value));
        }

        return list;
    }

    private HostResponse? Check(HostRequest request, out string shop, out DateOnly from, out DateOnly to)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        from = today.AddDays(-29);
        to = today;
        if (MerchantAuth.Check(sessions, request, out shop) is { } refused)
        {
            return refused;
        }

        if (!TryDate(request.QueryValue("from"), ref from) || !TryDate(request.QueryValue("to"), ref to))
        {
            return HostResponse.Problem(400, "Invalid date", "from and to are dates as YYYY-MM-DD.");
        }

        if (from > to)
        {
            return HostResponse.Problem(400, "Invalid period", "from must not be after to.");
        }

        return to.DayNumber - from.DayNumber >= MaxDays ? HostResponse.Problem(400, "Period too long", $"A period covers at most {MaxDays} days.") : null;
    }

    private static bool TryDate(string? text, ref DateOnly value)
    {
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }
}
