namespace CartRecovery.Core.Workflow;

/// <summary>The host's timer went off at <see cref="RecoveryEvent.At"/>: whatever is due by then happens. Early or repeated firings are harmless.</summary>
public sealed record TimerFired(DateTimeOffset At) : RecoveryEvent(At);
