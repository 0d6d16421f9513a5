using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Filters;

/// <summary>
/// The shopper has not bought (this cart, or any checkout of theirs since this one was last active), the cart is still
/// open (not completed, deleted, superseded or carried into a checkout), and, before a step, the address is not opted out
/// of the step's channel. The workflow's own stop signals cover most of this; the filter catches what arrives out of order.
/// </summary>
public sealed class RecipientEligibilityFilter(ITrackedCartRepository carts, ISuppressionList suppressions) : IEligibilityFilter
{
    public string Name => FilterNames.Eligibility;

    public async ValueTask<FilterVerdict> EvaluateAsync(EligibilityContext context, CancellationToken cancellationToken)
    {
        var cart = context.Cart;
        var loaded = await carts.LoadAsync(cart.Shop, cart.Kind, cart.CartKey, cancellationToken).ConfigureAwait(false);
        if (loaded.Exists && ClosedReason(loaded.Cart) is { } closed)
        {
            return FilterVerdict.Skip(Name, closed);
        }

        if (cart.CustomerKey is { } customer)
        {
            var others = await carts.CheckoutsOfCustomerAsync(cart.Shop, customer, cancellationToken).ConfigureAwait(false);
            if (others.Any(o => o.Cart.Key != cart.CartKey && o.Cart.Order is { } order && order.At >= cart.UpdatedAt))
            {
                return FilterVerdict.Skip(Name, "the customer ordered from another checkout since this cart was active");
            }
        }

        if (context.Stage == EligibilityStage.Step && context.Channel is { } channel && AddressFor(cart, channel) is { } address
            && await suppressions.FindAsync(cart.Shop, channel, address, cancellationToken).ConfigureAwait(false) is { } optedOut)
        {
            return FilterVerdict.Skip(Name, $"opted out: {optedOut}");
        }

        return FilterVerdict.Pass(Name);
    }

    private static string? ClosedReason(TrackedCart tracked) =>
        tracked.Order is not null || tracked.CompletedAt is not null ? "the cart was bought"
        : tracked.DeletedAt is not null ? "the cart was deleted"
        : tracked.SupersededBy is not null ? "a newer checkout replaced this one"
        : tracked.CheckedOutAs is not null ? "the cart went on to a checkout"
        : null;

    private static string? AddressFor(CartSnapshot cart, Channel channel) => channel switch
    {
        Channel.Email => string.IsNullOrWhiteSpace(cart.Contact.Email) ? null : cart.Contact.Email.Trim().ToLowerInvariant(),
        Channel.Sms => CartRecovery.Core.Carts.PhoneNumbers.ToE164(cart.Contact.Phone),
        _ => null,
    };
}
