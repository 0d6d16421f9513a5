namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>email_marketing_consent</c> / <c>sms_marketing_consent</c>: state is subscribed, not_subscribed, unsubscribed, pending or redacted.</summary>
public sealed record ShopifyMarketingConsent
{
    public string? State { get; init; }

    public string? OptInLevel { get; init; }

    public DateTimeOffset? ConsentUpdatedAt { get; init; }
}
