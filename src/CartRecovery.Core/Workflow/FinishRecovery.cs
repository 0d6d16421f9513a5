namespace CartRecovery.Core.Workflow;

/// <summary>The recovery ended: no more timers; the Durable orchestration returns, the runner drops its timer.</summary>
public sealed record FinishRecovery(RecoveryStatus Status, StopReason? Reason) : RecoveryCommand;
