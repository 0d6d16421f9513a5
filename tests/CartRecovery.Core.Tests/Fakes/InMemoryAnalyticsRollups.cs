using CartRecovery.Core.Analytics;

namespace CartRecovery.Core.Tests.Fakes;

/// <summary>Daily counters in memory, idempotent on the fact id like the table adapter.</summary>
internal sealed class InMemoryAnalyticsRollups : IAnalyticsRollups
{
    private readonly Dictionary<(string Shop, DateOnly Day), Dictionary<string, decimal>> days = [];
    private readonly HashSet<(string Shop, string FactId)> applied = [];

    public Task<bool> ApplyAsync(AnalyticsFact fact, CancellationToken cancellationToken)
    {
        if (!applied.Add((fact.Shop, fact.FactId)))
        {
            return Task.FromResult(false);
        }

        var counters = days.TryGetValue((fact.Shop, fact.Day), out var c) ? c : days[(fact.Shop, fact.Day)] = new(StringComparer.Ordinal);
        foreach (var (key, delta) in fact.Deltas)
        {
            counters[key] = counters.GetValueOrDefault(key) + delta;
        }

        return Task.FromResult(true);
    }

    public Task<IReadOnlyList<DailyRollup>> ReadAsync(string shop, DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<DailyRollup>>([.. days.Where(d => d.Key.Shop == shop && d.Key.Day >= from && d.Key.Day <= to).OrderBy(d => d.Key.Day).Select(d => new DailyRollup(d.Key.Day, d.Value, "USD"))]);
}
