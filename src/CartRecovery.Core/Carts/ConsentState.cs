namespace CartRecovery.Core.Carts;

/// <summary>Marketing consent for one channel, as Shopify reports it.</summary>
public enum ConsentState
{
    Unknown,
    Subscribed,
    NotSubscribed,
    Unsubscribed,
    Pending,
    Redacted,
}
