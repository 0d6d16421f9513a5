using CartRecovery.Core.Experiments;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Analytics;

/// <summary>Builds a period's summary from its daily rollups (pure: the counters in, the figures out).</summary>
public static class AnalyticsReport
{
    public static AnalyticsSummary Build(string shop, DateOnly from, DateOnly to, IReadOnlyList<DailyRollup> days, AnalyticsOptions costs)
    {
        // Merge the days first: a year of days repeats the same few hundred keys, so every pass below scans those only.
        var merged = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var day in days)
        {
            foreach (var (key, value) in day.Counters)
            {
                merged[key] = merged.GetValueOrDefault(key) + value;
            }
        }

        var counters = merged.Select(c => (Key: CounterKey.Parse(c.Key), c.Value)).ToList();

        var holdoutExperiments = counters.Select(c => Experiment.ParseVariant(c.Key.Variant)).Where(v => v is { } p && IsHoldoutArm(p.Arm)).Select(v => v!.Value.ExperimentId).ToHashSet(StringComparer.Ordinal);
        bool IsHoldout(CounterKey key) => ExperimentAssigner.IsHoldout(key.Variant);
        bool InHoldoutExperiment(CounterKey key) => Experiment.ParseVariant(key.Variant) is { } p && holdoutExperiments.Contains(p.ExperimentId);

        decimal Sum(string metric, Func<CounterKey, bool>? where = null) =>
            counters.Where(c => c.Key.Metric == metric && (where?.Invoke(c.Key) ?? true)).Sum(c => c.Value);
        long Count(string metric, Func<CounterKey, bool>? where = null) => (long)Sum(metric, where);

        var treated = (Func<CounterKey, bool>)(k => !IsHoldout(k));
        var started = Count(Metric.Started);
        var treatedStarted = Count(Metric.Started, treated);
        var sent = Count(Metric.Sent);
        var orders = Count(Metric.Orders, treated);
        var revenue = Sum(Metric.Revenue, treated);
        var skipped = Count(Metric.Skipped);
        var failed = Count(Metric.Failed);
        var cost = counters.Where(c => c.Key.Metric == Metric.Sent && Enum.TryParse<Channel>(c.Key.Channel, true, out _))
            .Sum(c => c.Value * costs.CostOf(shop, Enum.Parse<Channel>(c.Key.Channel, true)));
        var discounts = Sum(Metric.Discounts, treated);

        HoldoutResult? holdout = null;
        Lift? lift = null;
        decimal? incrementalRevenue = null;
        var holdoutStarted = Count(Metric.Started, IsHoldout);
        if (holdoutStarted > 0)
        {
            var holdoutOrders = Count(Metric.Orders, IsHoldout);
            var holdoutRevenue = Sum(Metric.Revenue, IsHoldout);
            holdout = new HoldoutResult(holdoutStarted, holdoutOrders, holdoutRevenue, Rates.Of(holdoutOrders, holdoutStarted));
            bool TreatedInExperiment(CounterKey k) => InHoldoutExperiment(k) && !IsHoldout(k);
            var comparedStarted = Count(Metric.Started, TreatedInExperiment);
            var comparedOrders = Count(Metric.Orders, TreatedInExperiment);
            lift = Lift.Between(comparedStarted, comparedOrders, holdoutStarted, holdoutOrders);
            if (comparedStarted > 0)
            {
                var perTreated = Sum(Metric.Revenue, TreatedInExperiment) / comparedStarted;
                incrementalRevenue = Math.Round((perTreated - (holdoutRevenue / holdoutStarted)) * comparedStarted, 2);
            }
        }

        return new AnalyticsSummary(
            shop,
            from,
            to,
            days.Select(d => d.Currency).FirstOrDefault(c => c is not null),
            Count(Metric.Started, k => k.Reason == "checkout"),
            Count(Metric.Started, k => k.Reason == "cart"),
            started,
            sent,
            Count(Metric.Delivered),
            Count(Metric.Opened),
            Count(Metric.Clicked),
            skipped,
            failed,
            orders,
            revenue,
            Rates.Of(orders, treatedStarted),
            treatedStarted == 0 ? 0m : Math.Round(revenue / treatedStarted, 2),
            Rates.Of(Count(Metric.Opened), sent),
            Rates.Of(Count(Metric.Clicked), sent),
            Rates.Of(sent + skipped, sent + skipped + failed),
            Math.Round(cost, 4),
            discounts,
            cost + discounts > 0 ? Math.Round((double)(revenue / (cost + discounts)), 2) : null,
            lift,
            incrementalRevenue,
            holdout,
            counters.Where(c => c.Key.Metric == Metric.Skipped).GroupBy(c => c.Key.Reason).ToDictionary(g => g.Key, g => (long)g.Sum(c => c.Value)),
            counters.Where(c => c.Key.Metric == Metric.Orders && treated(c.Key)).GroupBy(c => c.Key.Reason).ToDictionary(g => g.Key, g => (long)g.Sum(c => c.Value)),
            Breakdown(counters, k => (k.Step, null, null)),
            Breakdown(counters, k => (null, k.Channel, null)),
            Breakdown(counters, k => (null, null, k.Variant)));
    }

    private static bool IsHoldoutArm(string arm) => string.Equals(arm, ExperimentArm.HoldoutName, StringComparison.OrdinalIgnoreCase);

    private static List<BreakdownRow> Breakdown(List<(CounterKey Key, decimal Value)> counters, Func<CounterKey, (string?, string?, string?)> group) =>
        [.. counters
            .Where(c => c.Key.Metric != Metric.Started && c.Key.Metric != Metric.Discounts)
            .GroupBy(c => group(c.Key))
            .Where(g => g.Key.Item1 is { Length: > 0 } || g.Key.Item2 is { Length: > 0 } || g.Key.Item3 is { Length: > 0 })
            .Select(g =>
            {
                long C(string metric) => (long)g.Where(c => c.Key.Metric == metric).Sum(c => c.Value);
                return new BreakdownRow(g.Key.Item1, g.Key.Item2, g.Key.Item3, C(Metric.Sent), C(Metric.Delivered), C(Metric.Opened), C(Metric.Clicked),
                    C(Metric.Skipped), C(Metric.Failed), C(Metric.Orders), g.Where(c => c.Key.Metric == Metric.Revenue).Sum(c => c.Value));
            })
            .OrderBy(r => r.Step).ThenBy(r => r.Channel).ThenBy(r => r.Variant)];
}
