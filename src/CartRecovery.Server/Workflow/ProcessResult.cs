namespace CartRecovery.Server.Workflow;

/// <summary>
/// What processing a workflow came to: done (with the timer row of its next wake-up, if any), or busy because another runner
/// holds it (try again at <see cref="RetryAt"/>).
/// </summary>
internal sealed record ProcessResult(bool Busy, string? NextTimerKey, DateTimeOffset? RetryAt)
{
    public static ProcessResult Done(string? nextTimerKey) => new(false, nextTimerKey, null);

    public static ProcessResult BusyUntil(DateTimeOffset retryAt) => new(true, null, retryAt);
}
