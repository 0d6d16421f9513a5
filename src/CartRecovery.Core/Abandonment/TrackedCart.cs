using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Abandonment;

/// <summary>
/// What the app knows about one cart or checkout of a store. A record can exist before its cart does (an order or a checkout
/// that names a cart token arrived first): then <see cref="Snapshot"/> is null and the links wait for it.
/// <see cref="LastActivityAt"/> is Shopify's <c>updated_at</c> of the newest state applied; older events never overwrite it.
/// </summary>
public sealed record TrackedCart(
    string Shop,
    string Key,
    CartKind Kind,
    CartSnapshot? Snapshot = null,
    DateTimeOffset? CreatedAt = null,
    DateTimeOffset? LastActivityAt = null,
    long? CheckoutId = null,
    DateTimeOffset? CompletedAt = null,
    RecordedOrder? Order = null,
    DateTimeOffset? DeletedAt = null,
    string? SupersededBy = null,
    string? CheckedOutAs = null,
    DateTimeOffset? WorkflowStartedAt = null)
{
    public bool HasWorkflow => WorkflowStartedAt is not null;

    /// <summary>Still in play: not bought, completed, deleted, replaced by a newer checkout, or (for a cart) carried into a checkout.</summary>
    public bool IsOpen => Order is null && CompletedAt is null && DeletedAt is null && SupersededBy is null && CheckedOutAs is null;

    public string? CustomerKey => Snapshot?.CustomerKey;
}
