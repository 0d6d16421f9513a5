using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow;

/// <summary>The in-flight step's side effect finished (sent, skipped by the executor, or failed after every retry).</summary>
public sealed record StepCompleted(DateTimeOffset At, string ExecutionId, StepOutcome Outcome) : RecoveryEvent(At);
