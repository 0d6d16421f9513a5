using CartRecovery.Core.Workflow;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// What an orchestration starts from: the state so far (new, ended for a restart, or carried over by ContinueAsNew), the
/// event to apply first (the start or a restart), and the step retry policy (an orchestrator may not read configuration).
/// </summary>
public sealed record RecoveryOrchestrationInput(RecoveryState State, RecoveryStarted? Start, MerchantRestart? Restart, StepRetryPolicy Retry);
