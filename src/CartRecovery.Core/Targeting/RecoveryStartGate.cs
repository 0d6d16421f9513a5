using CartRecovery.Core.Carts;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Targeting.Eligibility;

namespace CartRecovery.Core.Targeting;

/// <summary>
/// The chain's run before a recovery starts (stage <see cref="EligibilityStage.Start"/>: no channel yet, so only the
/// cart-level filters decide: trust, cart value, eligibility, and any extension such as inventory).
/// </summary>
public sealed class RecoveryStartGate(EligibilityChain chain, IShopRepository shops, TimeProvider time)
{
    public async Task<FilterVerdict> CheckAsync(CartSnapshot cart, CancellationToken cancellationToken)
    {
        var shop = await shops.GetAsync(cart.Shop, cancellationToken).ConfigureAwait(false);
        var context = new EligibilityContext(EligibilityStage.Start, cart, shop.ContactRules, shop.Profile.TimeZone, time.GetUtcNow());
        return (await chain.EvaluateAsync(context, cancellationToken).ConfigureAwait(false)).Verdict;
    }
}
