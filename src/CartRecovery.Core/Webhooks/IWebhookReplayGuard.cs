namespace CartRecovery.Core.Webhooks;

/// <summary>
/// Remembers every body received per topic for <see cref="WebhookOptions.DedupeRetention"/>. The HMAC covers only the body,
/// so a captured body re-sent with new headers verifies; this is what tells it from Shopify's own retries.
/// </summary>
public interface IWebhookReplayGuard
{
    /// <summary>Records the fingerprint if it is new. Throws when storage is unavailable (the caller answers 503).</summary>
    Task<ReplayVerdict> CheckAsync(WebhookFingerprint fingerprint, CancellationToken cancellationToken);
}
