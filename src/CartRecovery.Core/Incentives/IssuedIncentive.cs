namespace CartRecovery.Core.Incentives;

/// <summary>
/// A code given for one recovery step: what it is worth, when it ends, and for whom (<see cref="CustomerHash"/>, a hash of the
/// customer key, for the per-customer limit). <see cref="DiscountId"/> is null for a shop's static code.
/// </summary>
public sealed record IssuedIncentive(
    string Shop,
    string WorkflowId,
    string StepId,
    string? CustomerHash,
    string Code,
    string? DiscountId,
    IncentiveKind Kind,
    decimal Value,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);
