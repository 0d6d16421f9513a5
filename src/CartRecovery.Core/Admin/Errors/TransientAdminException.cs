namespace CartRecovery.Core.Admin.Errors;

/// <summary>A failure worth retrying later: a 5xx, a 429, or a cost bucket that did not refill within the allowed wait.</summary>
public sealed class TransientAdminException(string reason, TimeSpan? retryAfter = null) : Exception(reason)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
