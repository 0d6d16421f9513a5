using Azure.Core;
using Azure.Core.Pipeline;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// Azure.Core's retry (transient failures: network errors, timeouts, 408, 429, 500, 502, 503, 504; Retry-After honoured)
/// with exponential backoff and jitter, except for a call made inside a <see cref="SingleAttempt"/> message-properties scope.
/// </summary>
internal sealed class TableRetryPolicy(int maxRetries, DelayStrategy delay) : RetryPolicy(maxRetries, delay)
{
    /// <summary>The message property that asks for one attempt only (the health ping).</summary>
    public const string SingleAttempt = "CartRecovery.Tables.SingleAttempt";

    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !message.TryGetProperty(SingleAttempt, out _) && base.ShouldRetry(message, exception);

    protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        !message.TryGetProperty(SingleAttempt, out _) && await base.ShouldRetryAsync(message, exception).ConfigureAwait(false);
}
