namespace CartRecovery.Core.Messaging;

/// <summary>
/// A discount issued for one step: the code the customer types, and what it is worth. Messages may mention only what is
/// here (the AI guardrails check against it). <see cref="PercentOff"/> and <see cref="AmountOff"/> are alternatives.
/// </summary>
public sealed record IncentiveOffer(string Code, decimal? PercentOff, decimal? AmountOff, DateTimeOffset? ExpiresAt);
