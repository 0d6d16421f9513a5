namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>How many chain runs one filter decided on one day (UTC): skipped, deferred, or (filter <c>passed</c>) let through.</summary>
public sealed record FilterCount(DateOnly Day, string Filter, VerdictKind Outcome, long Count);
