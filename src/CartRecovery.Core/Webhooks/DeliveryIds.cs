namespace CartRecovery.Core.Webhooks;

/// <summary>
/// What a <c>X-Shopify-Webhook-Id</c> or <c>X-Shopify-Event-Id</c> may look like. Shopify sends UUIDs; anything outside a
/// short, plain alphabet is refused at the door (400), because an id becomes part of storage keys, and an id that could be
/// acknowledged but not stored or completed would be a delivery acknowledged and then lost.
/// </summary>
public static class DeliveryIds
{
    public const int MaxLength = 100;

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
