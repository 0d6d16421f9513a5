namespace CartRecovery.Server.Workflow;

/// <summary>
/// What processing a workflow came to: done (with when it wakes next, and the wake-up row written for that if one was), or
/// busy because another runner holds it (try again at <see cref="RetryAt"/>).
/// </summary>
internal sealed record ProcessResult(bool Busy, DateTimeOffset? NextWake, TimerRow? WrittenTimer, DateTimeOffset? RetryAt)
{
    public static ProcessResult Done(DateTimeOffset? nextWake, TimerRow? writtenTimer) => new(false, nextWake, writtenTimer, null);

    public static ProcessResult BusyUntil(DateTimeOffset retryAt) => new(true, null, null, retryAt);
}
