namespace CartRecovery.Core.Workflow;

/// <summary>Deliver a <see cref="TimerFired"/> at <paramref name="DueAt"/> (replaces any earlier timer of the workflow).</summary>
public sealed record ScheduleTimer(DateTimeOffset DueAt) : RecoveryCommand;
