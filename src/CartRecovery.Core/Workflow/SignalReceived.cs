namespace CartRecovery.Core.Workflow;

/// <summary>An external signal reached the workflow (at the time the host applied it).</summary>
public sealed record SignalReceived(DateTimeOffset At, RecoverySignal Signal) : RecoveryEvent(At);
