namespace CartRecovery.Core.Messaging;

public enum StepOutcomeKind
{
    Sent,
    Skipped,
    Failed,
}

/// <summary>What became of a step: sent (with the provider's message id), skipped with the reason, or failed permanently.</summary>
public sealed record StepOutcome(StepOutcomeKind Kind, string? Reason = null, string? MessageId = null)
{
    public static StepOutcome Sent(string messageId) => new(StepOutcomeKind.Sent, null, messageId);

    public static StepOutcome Skipped(string reason) => new(StepOutcomeKind.Skipped, reason);

    public static StepOutcome Failed(string reason) => new(StepOutcomeKind.Failed, reason);
}
