namespace CartRecovery.Core.Abandonment;

/// <summary>The verdict on one cart at one moment; <see cref="DueAt"/> is when it becomes (or became) abandoned, if ever.</summary>
public sealed record AbandonmentDecision(AbandonmentVerdict Verdict, DateTimeOffset? DueAt, string? Reason = null);
