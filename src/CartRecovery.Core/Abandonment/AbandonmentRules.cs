using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Abandonment;

/// <summary>
/// When a cart or checkout is abandoned. Shopify sends no such event: abandonment is inactivity. A checkout qualifies with
/// contact details (email or phone), at least one line, no completion and no order; a cart (no contact details) with at
/// least one line that did not go on to a checkout. Either must then stay idle for the store's threshold.
/// </summary>
public static class AbandonmentRules
{
    /// <summary>Null when the cart can be abandoned; otherwise why not.</summary>
    public static string? WhyIneligible(TrackedCart cart) => cart switch
    {
        { HasWorkflow: true } => "recovery already started",
        { Snapshot: null } => "not seen yet (only linked)",
        { Order: not null } => "ordered",
        { CompletedAt: not null } => "checkout completed",
        { DeletedAt: not null } => "deleted",
        { SupersededBy: not null } => "superseded by a newer checkout",
        { CheckedOutAs: not null } => "went on to checkout",
        { Snapshot.Lines.Count: 0 } => "empty",
        { Kind: CartKind.Checkout, Snapshot.Contact: { Email: null, Phone: null } } => "no contact details",
        _ => null,
    };

    public static DateTimeOffset? DueAt(TrackedCart cart, TimeSpan threshold) =>
        WhyIneligible(cart) is null && cart.LastActivityAt is { } last ? last + threshold : null;

    public static AbandonmentDecision Decide(TrackedCart cart, TimeSpan threshold, DateTimeOffset now)
    {
        if (WhyIneligible(cart) is { } reason)
        {
            return new AbandonmentDecision(AbandonmentVerdict.Ineligible, null, reason);
        }

        var due = DueAt(cart, threshold)!.Value;
        return new AbandonmentDecision(due <= now ? AbandonmentVerdict.Abandoned : AbandonmentVerdict.NotYet, due);
    }

    /// <summary>
    /// The open checkout that survives among one shopper's checkouts: the newest (created last; ties by last activity, then key).
    /// The others are superseded: one shopper, one recovery.
    /// </summary>
    public static TrackedCart? Newest(IEnumerable<TrackedCart> checkoutsOfOneShopper) =>
        checkoutsOfOneShopper
            .Where(c => c.IsOpen && c.Snapshot is not null)
            .OrderByDescending(c => c.CreatedAt ?? c.LastActivityAt)
            .ThenByDescending(c => c.LastActivityAt)
            .ThenByDescending(c => c.Key, StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>
    /// What a recovery started from <paramref name="startedWith"/> has missed if the cart changed between the decision and
    /// the start (an update racing the scheduler). Sent right after the start so the workflow sees the latest state.
    /// </summary>
    public static IReadOnlyList<RecoverySignal> CatchUp(TrackedCart startedWith, TrackedCart latest, DateTimeOffset now)
    {
        if (latest.Order is { } order && startedWith.Order is null)
        {
            return [order.ToSignal()];
        }

        if (latest.DeletedAt is { } deleted && startedWith.DeletedAt is null)
        {
            return [new CartGone(deleted)];
        }

        if ((latest.SupersededBy ?? latest.CheckedOutAs) is { } by && startedWith.SupersededBy is null && startedWith.CheckedOutAs is null)
        {
            return [new Superseded(now, by)];
        }

        if (latest.Snapshot is { } snapshot && latest.LastActivityAt > startedWith.LastActivityAt)
        {
            return snapshot.Lines.Count == 0 ? [new CartGone(snapshot.UpdatedAt)] : [new CartUpdated(snapshot.UpdatedAt, snapshot)];
        }

        return [];
    }
}
