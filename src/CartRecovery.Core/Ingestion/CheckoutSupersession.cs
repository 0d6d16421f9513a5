using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Ingestion;

/// <summary>One shopper, one recovery: a newer checkout or an order of the shopper supersedes their other open checkouts.</summary>
public sealed class CheckoutSupersession(TrackedCarts carts, IRecoveryWorkflows workflows)
{
    /// <summary>Every open checkout of the shopper but the newest is superseded by it.</summary>
    public async Task KeepNewestAsync(string shop, string customerKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var checkouts = await carts.Store.CheckoutsOfCustomerAsync(shop, customerKey, cancellationToken).ConfigureAwait(false);
        if (AbandonmentRules.Newest(checkouts.Select(c => c.Cart)) is not { } newest)
        {
            return;
        }

        await SupersedeAsync(shop, checkouts.Where(c => c.Cart.IsOpen && c.Cart.Key != newest.Key), newest.Key, at, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A shopper who bought is not reminded about their other open checkouts either.</summary>
    public async Task AfterOrderAsync(string shop, string customerKey, string? orderedCheckout, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var checkouts = await carts.Store.CheckoutsOfCustomerAsync(shop, customerKey, cancellationToken).ConfigureAwait(false);
        await SupersedeAsync(shop, checkouts.Where(c => c.Cart.IsOpen && c.Cart.Key != orderedCheckout), by, at, cancellationToken).ConfigureAwait(false);
    }

    private async Task SupersedeAsync(string shop, IEnumerable<LoadedCart> others, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var other in others)
        {
            var superseded = await carts.UpdateAsync(shop, CartKind.Checkout, other.Cart.Key, c => c.IsOpen ? CartTransitions.ApplySuperseded(c, by, at) : CartTransition.Unchanged(c), cancellationToken).ConfigureAwait(false);
            await workflows.SendAsync(superseded, cancellationToken).ConfigureAwait(false);
        }
    }
}
