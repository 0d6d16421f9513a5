namespace CartRecovery.Core.Webhooks;

/// <summary>The durable inbox: a delivery is acknowledged to Shopify only once it is recorded here. Processing happens later, elsewhere.</summary>
public interface IWebhookInbox
{
    /// <summary>Records the delivery durably. Throws when storage is unavailable (the caller answers 503 so Shopify retries).</summary>
    Task<InboxAcceptance> AcceptAsync(WebhookDelivery delivery, CancellationToken cancellationToken);
}
