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

    /// <summary>Longest reason kept for a step whose every attempt threw: the error's type and message, cut to fit a summary row.</summary>
    public const int MaxErrorLength = 300;

    public static StepOutcome Failed(string reason) => new(StepOutcomeKind.Failed, reason);

    /// <summary>A step failed after its last attempt threw: <c>{errorType}: {message}</c>, at most <see cref="MaxErrorLength"/> characters.</summary>
    public static StepOutcome FailedWithError(string errorType, string message)
    {
        var reason = $"{errorType}: {message}";
        return Failed(reason.Length > MaxErrorLength ? reason[..MaxErrorLength] : reason);
    }
}
