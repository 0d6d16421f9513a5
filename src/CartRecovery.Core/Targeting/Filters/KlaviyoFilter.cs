using System.Globalization;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Klaviyo;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Filters;

/// <summary>
/// Before an email or SMS step of a shop connected to Klaviyo: skips when Klaviyo sent the shopper a cart or checkout
/// recovery message within the window. When Klaviyo cannot answer, the shop's policy decides (default: send) and the
/// verdict says so.
/// </summary>
public sealed class KlaviyoFilter(IKlaviyoEvents klaviyo) : IEligibilityFilter
{
    public string Name => FilterNames.Klaviyo;

    public async ValueTask<FilterVerdict> EvaluateAsync(EligibilityContext context, CancellationToken cancellationToken)
    {
        if (context.Stage != EligibilityStage.Step || context.Channel is not (Channel.Email or Channel.Sms) || string.IsNullOrWhiteSpace(context.KlaviyoPrivateKey))
        {
            return FilterVerdict.Pass(Name);
        }

        var rules = context.Rules.Klaviyo;
        var since = context.Now - TimeSpan.FromHours(rules.WindowHours);
        var contact = context.Cart.Contact;
        var lookup = await klaviyo.FindRecoveryMessageAsync(
            context.KlaviyoPrivateKey, contact.Email, CartRecovery.Core.Carts.PhoneNumbers.ToE164(contact.Phone), since, rules, cancellationToken).ConfigureAwait(false);

        if (lookup.Unavailable)
        {
            return rules.OnUnavailable == KlaviyoUnavailablePolicy.Skip
                ? FilterVerdict.Skip(Name, $"Klaviyo did not answer ({lookup.Problem}); the shop skips when unsure")
                : FilterVerdict.Pass(Name, $"Klaviyo did not answer ({lookup.Problem}); sent by the shop's policy");
        }

        return lookup.Metric is { } metric
            ? FilterVerdict.Skip(Name, string.Create(CultureInfo.InvariantCulture, $"Klaviyo sent \"{metric}\" {(context.Now - lookup.At!.Value).TotalHours:0.#} h ago"))
            : FilterVerdict.Pass(Name);
    }
}
