using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Filters;

/// <summary>Skips test checkouts and customers the merchant disabled or tagged as fraud, as far as the payload says.</summary>
public sealed class TrustFilter : IEligibilityFilter
{
    public string Name => FilterNames.Trust;

    public ValueTask<FilterVerdict> EvaluateAsync(EligibilityContext context, CancellationToken cancellationToken)
    {
        var trust = context.Cart.Trust;
        var verdict = trust.Test ? FilterVerdict.Skip(Name, "a test checkout")
            : trust.CustomerDisabled ? FilterVerdict.Skip(Name, "the customer's account is disabled")
            : trust.FraudFlagged ? FilterVerdict.Skip(Name, "the customer is tagged as fraud")
            : FilterVerdict.Pass(Name);
        return ValueTask.FromResult(verdict);
    }
}
