namespace CartRecovery.Integrations.Delivery;

/// <summary>
/// The provider could not take the message now (timeout, 408, 429, 5xx, connection failure). Retried inside the provider;
/// when the retries run out it reaches the caller, whose engine retries the whole step later with the same idempotency key.
/// </summary>
public sealed class TransientDeliveryException(string provider, int? statusCode, string reason, TimeSpan? retryAfter = null, Exception? inner = null)
    : Exception($"{provider}: {reason}", inner)
{
    public string Provider { get; } = provider;

    public int? StatusCode { get; } = statusCode;

    public string Reason { get; } = reason;

    /// <summary>The wait the provider asked for (Retry-After), if any.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
