using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow;

/// <summary>Carry out a step through <see cref="IStepExecutor"/> (with retries) and report a <see cref="StepCompleted"/>.</summary>
public sealed record RunStep(StepRequest Request) : RecoveryCommand;
