namespace CartRecovery.Core.Webhooks;

/// <summary>
/// A payload that passed its topic's checks. <see cref="Payload"/> is the typed model of the topic
/// (<c>ShopifyCart</c>, <c>ShopifyCheckout</c>, <c>ShopifyCheckoutDeletion</c>, <c>ShopifyOrder</c>, <c>ShopifyShop</c>,
/// <c>ShopifyCustomersDataRequest</c>, <c>ShopifyCustomersRedact</c>, <c>ShopifyShopRedact</c>).
/// </summary>
public sealed record ParsedWebhook(WebhookTopic Topic, object Payload);
