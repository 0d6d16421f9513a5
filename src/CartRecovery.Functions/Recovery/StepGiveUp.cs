using CartRecovery.Core.Messaging;

namespace CartRecovery.Functions.Recovery;

/// <summary>The input of the give-up activity: the step whose attempts ran out, and the last error as the failure reason.</summary>
public sealed record StepGiveUp(StepRequest Request, string Reason);
