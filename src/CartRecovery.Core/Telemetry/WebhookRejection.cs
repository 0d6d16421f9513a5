namespace CartRecovery.Core.Telemetry;

/// <summary>Why a webhook was refused (a metric tag: a closed set, never request data).</summary>
public enum WebhookRejection
{
    Signature,
    Shop,
    Topic,
    WebhookId,
    Payload,
    Header,
    TooLarge,

    /// <summary>The inbox could not record it (503): Shopify retries.</summary>
    Unavailable,
}
