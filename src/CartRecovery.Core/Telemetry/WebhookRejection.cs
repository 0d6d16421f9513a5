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

    /// <summary>X-Shopify-Triggered-At older than Webhooks:MaxDeliveryAge: a replay of a captured request.</summary>
    Stale,

    /// <summary>The inbox could not record it (503): Shopify retries.</summary>
    Unavailable,
}
