namespace CartRecovery.Core.Analytics;

/// <summary>A shop's counters for one UTC day (keys are <see cref="CounterKey"/> texts) and the shop currency its revenue is in.</summary>
public sealed record DailyRollup(DateOnly Day, IReadOnlyDictionary<string, decimal> Counters, string? Currency);
