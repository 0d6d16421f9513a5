using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Abandonment;

/// <summary>
/// How each Shopify event changes a tracked cart: pure functions of (state, event). Signals are emitted whenever the event
/// concerns a started recovery, not only on the first change, so reprocessing a delivery after a crash re-sends them
/// (the workflow engine drops signals for workflows that have ended).
/// </summary>
public static class CartTransitions
{
    /// <summary>A carts/* or checkouts/create|update payload. Older than what is stored: ignored, so late retries never roll state back.</summary>
    public static CartTransition ApplySnapshot(TrackedCart current, CartSnapshot snapshot, DateTimeOffset? createdAt, long? checkoutId, DateTimeOffset? completedAt)
    {
        if (current.LastActivityAt is { } last && snapshot.UpdatedAt < last)
        {
            var linked = current with { CheckoutId = current.CheckoutId ?? checkoutId, CreatedAt = current.CreatedAt ?? createdAt };
            return linked == current ? CartTransition.Unchanged(current) : new CartTransition(linked, []);
        }

        if (current.LastActivityAt == snapshot.UpdatedAt && current.Snapshot is { } same && SameContent(same, snapshot) && (completedAt is null || current.CompletedAt is not null))
        {
            return CartTransition.Unchanged(current); // the same state again (a duplicate of the event under another delivery id)
        }

        var next = current with
        {
            Snapshot = snapshot,
            LastActivityAt = snapshot.UpdatedAt,
            CreatedAt = current.CreatedAt ?? createdAt ?? snapshot.UpdatedAt,
            CheckoutId = current.CheckoutId ?? checkoutId,
            CompletedAt = current.CompletedAt ?? completedAt,
        };
        return new CartTransition(next, next.HasWorkflow ? SignalsForContentChange(next, snapshot) : []);
    }

    /// <summary>An order names this cart or checkout: recovery is over, whether or not the cart itself has arrived yet.</summary>
    public static CartTransition ApplyOrder(TrackedCart current, OrderPlaced order)
    {
        var next = current with { Order = current.Order ?? RecordedOrder.From(order) };
        return new CartTransition(next, next.HasWorkflow ? [order] : []) { Changed = next != current };
    }

    /// <summary>checkouts/delete.</summary>
    public static CartTransition ApplyDeletion(TrackedCart current, DateTimeOffset at)
    {
        var next = current with { DeletedAt = current.DeletedAt ?? at };
        return new CartTransition(next, next.HasWorkflow ? [new CartGone(at)] : []) { Changed = next != current };
    }

    /// <summary>A cart whose shopper went on to checkout <paramref name="checkoutKey"/>: the checkout's recovery covers it.</summary>
    public static CartTransition ApplyCheckedOut(TrackedCart cart, string checkoutKey, DateTimeOffset at)
    {
        var next = cart with { CheckedOutAs = cart.CheckedOutAs ?? checkoutKey };
        return new CartTransition(next, next.HasWorkflow ? [new Superseded(at, checkoutKey)] : []) { Changed = next != cart };
    }

    /// <summary>A newer checkout of the same shopper took over.</summary>
    public static CartTransition ApplySuperseded(TrackedCart checkout, string byKey, DateTimeOffset at)
    {
        var next = checkout with { SupersededBy = checkout.SupersededBy ?? byKey };
        return new CartTransition(next, next.HasWorkflow ? [new Superseded(at, byKey)] : []) { Changed = next != checkout };
    }

    /// <summary>The scheduler handed the cart to a recovery workflow.</summary>
    public static TrackedCart MarkStarted(TrackedCart cart, DateTimeOffset at) => cart with { WorkflowStartedAt = cart.WorkflowStartedAt ?? at };

    private static bool SameContent(CartSnapshot a, CartSnapshot b) =>
        a with { Lines = [] } == b with { Lines = [] } && a.Lines.SequenceEqual(b.Lines);

    private static IReadOnlyList<RecoverySignal> SignalsForContentChange(TrackedCart next, CartSnapshot snapshot)
    {
        if (snapshot.Lines.Count == 0)
        {
            return [new CartGone(snapshot.UpdatedAt)];
        }

        // A completed checkout is followed by its order, whose signal carries the attribution; an update would only add noise.
        return next.CompletedAt is null ? [new CartUpdated(snapshot.UpdatedAt, snapshot)] : [];
    }
}
