namespace CartRecovery.Core.Webhooks;

public enum ReplayVerdict
{
    /// <summary>This body was not seen for this topic within the retention: a new delivery.</summary>
    New,

    /// <summary>Seen before, by this very delivery (same webhook id and shop): Shopify retrying, to be recorded as usual.</summary>
    SameDelivery,

    /// <summary>Seen before under another webhook id or shop: a replay, acknowledged without effect.</summary>
    Replay,
}
