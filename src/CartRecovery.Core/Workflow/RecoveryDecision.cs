namespace CartRecovery.Core.Workflow;

/// <summary>The outcome of one event: the new state and what the host must do.</summary>
public sealed record RecoveryDecision(RecoveryState State, IReadOnlyList<RecoveryCommand> Commands);
