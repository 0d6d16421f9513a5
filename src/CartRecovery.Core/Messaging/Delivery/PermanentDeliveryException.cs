namespace CartRecovery.Core.Messaging.Delivery;

/// <summary>
/// The provider refused the message for good (bad address, rejected content, bad credentials): retrying cannot help, so the
/// step is recorded as failed. <see cref="Exception.Message"/> holds no personal data (status and the provider's error code only).
/// </summary>
public sealed class PermanentDeliveryException(string provider, int? statusCode, string reason)
    : Exception($"{provider}: {reason}")
{
    public string Provider { get; } = provider;

    public int? StatusCode { get; } = statusCode;

    public string Reason { get; } = reason;
}
