namespace CartRecovery.Core.Analytics;

/// <summary>Daily counters per shop, updated as facts arrive so a report reads one row per day, never every message.</summary>
public interface IAnalyticsRollups
{
    /// <summary>Adds a fact's deltas to its day once; false when the fact was applied before (nothing changes).</summary>
    Task<bool> ApplyAsync(AnalyticsFact fact, CancellationToken cancellationToken);

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> (inclusive) that have counters, in order.</summary>
    Task<IReadOnlyList<DailyRollup>> ReadAsync(string shop, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
