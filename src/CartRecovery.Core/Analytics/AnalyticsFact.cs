namespace CartRecovery.Core.Analytics;

/// <summary>
/// One thing that happened, as its contribution to a shop's daily counters. <see cref="FactId"/> makes applying it
/// idempotent: a fact applied twice (a retried webhook, a repeated open) counts once.
/// </summary>
public sealed record AnalyticsFact(string Shop, DateOnly Day, string FactId, IReadOnlyDictionary<string, decimal> Deltas, string? Currency = null);
