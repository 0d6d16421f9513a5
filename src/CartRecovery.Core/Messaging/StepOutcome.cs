namespace CartRecovery.Core.Messaging;

public enum StepOutcomeKind
{
    Sent,
    Skipped,
    Failed,

    /// <summary>Not now: an eligibility filter (quiet hours, a cap set to defer) moved the step to <see cref="StepOutcome.Until"/>.</summary>
    Deferred,
}

/// <summary>
/// What became of a step: sent (with the provider's message id), skipped with the reason, failed permanently, or deferred
/// until <see cref="Until"/> (the workflow runs the same step again then).
/// </summary>
public sealed record StepOutcome(StepOutcomeKind Kind, string? Reason = null, string? MessageId = null, DateTimeOffset? Until = null)
{
    /// <summary>Longest failure reason kept: enough for an error type and message, short enough for a table column and a log line.</summary>
    public const int MaxReasonLength = 300;

    public static StepOutcome Sent(string messageId) => new(StepOutcomeKind.Sent, null, messageId);

    public static StepOutcome Skipped(string reason) => new(StepOutcomeKind.Skipped, reason);

    public static StepOutcome Deferred(DateTimeOffset until, string reason) => new(StepOutcomeKind.Deferred, reason, null, until);

    public static StepOutcome Failed(string reason) => new(StepOutcomeKind.Failed, Shorten(reason));

    /// <summary>The failure reason an error gives: its type and message, shortened to <see cref="MaxReasonLength"/>.</summary>
    public static string ReasonFor(string errorType, string message) => Shorten($"{errorType}: {message}");

    private static string Shorten(string reason) => reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason;
}
