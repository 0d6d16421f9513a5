namespace CartRecovery.Core.Messaging.Delivery;

/// <summary>
/// The provider could not take the message now (timeout, 408, 429, 5xx, connection failure). Not retried by the provider:
/// it reaches the step executor, whose engine retries the whole step per Core's StepRetryPolicy with the same idempotency key.
/// </summary>
public sealed class TransientDeliveryException(string provider, int? statusCode, string reason, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"{provider}: {reason}", inner)
{
    public string Provider { get; } = provider;

    public int? StatusCode { get; } = statusCode;

    public string Reason { get; } = reason;

    /// <summary>The wait the provider asked for (Retry-After), if any: kept for diagnosis; the step's retry waits its own backoff.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
