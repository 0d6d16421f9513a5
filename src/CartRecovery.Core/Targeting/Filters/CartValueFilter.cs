using System.Globalization;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Filters;

/// <summary>Skips carts worth less than the shop's minimum (in the cart's currency, which is the shop's for most shops); off without a minimum.</summary>
public sealed class CartValueFilter : IEligibilityFilter
{
    public string Name => FilterNames.CartValue;

    public ValueTask<FilterVerdict> EvaluateAsync(EligibilityContext context, CancellationToken cancellationToken)
    {
        var cart = context.Cart;
        var verdict = context.Rules.MinimumCartValue is { } minimum && cart.TotalPrice < minimum
            ? FilterVerdict.Skip(Name, string.Create(CultureInfo.InvariantCulture, $"cart value {cart.TotalPrice:0.##} {cart.Currency} is under the minimum {minimum:0.##}"))
            : FilterVerdict.Pass(Name);
        return ValueTask.FromResult(verdict);
    }
}
