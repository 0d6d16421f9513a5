namespace CartRecovery.Core.Incentives;

/// <summary>
/// One rule of a shop: when it matches (segment, step, lowest cart value; null matches anything) it gives
/// <see cref="Kind"/> worth <see cref="Value"/> (percent for <see cref="IncentiveKind.Percentage"/>, an amount in the
/// cart's currency for <see cref="IncentiveKind.FixedAmount"/>, ignored otherwise). The first matching rule wins.
/// </summary>
public sealed record IncentiveRule(IncentiveKind Kind, decimal Value, string? Segment = null, string? StepId = null, decimal? MinCartValue = null);
