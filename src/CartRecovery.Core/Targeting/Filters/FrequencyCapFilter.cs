using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Caps;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting.Filters;

/// <summary>
/// Smart sending and the recovery cap, across all of a customer's recoveries. Passing reserves the message in the
/// customer's ledger (a conditional write), which is what makes the caps hold when two recoveries step at once; the
/// reservation is released when the message is not sent after all. The popup is not capped (it shows on the shop's own site).
/// </summary>
public sealed class FrequencyCapFilter(IContactLedgers ledgers) : IReservingFilter
{
    private const int MaxRaces = 10;

    public string Name => FilterNames.FrequencyCap;

    public async ValueTask<FilterVerdict> EvaluateAsync(EligibilityContext context, CancellationToken cancellationToken)
    {
        if (context.Stage != EligibilityStage.Step || context.Channel is not { } channel || channel == Channel.Popup || context.IdempotencyKey is null)
        {
            return FilterVerdict.Pass(Name);
        }

        if (CustomerOf(context.Cart) is not { } customer)
        {
            return FilterVerdict.Pass(Name, "no customer identity to cap by");
        }

        var candidate = new ContactEntry(context.IdempotencyKey, channel, context.Now);
        for (var race = 0; ; race++)
        {
            var ledger = await ledgers.ReadAsync(context.Cart.Shop, customer, cancellationToken).ConfigureAwait(false);
            var decision = FrequencyCaps.Decide(ledger.Entries, candidate, context.Rules, context.Now, context.TimeScale);
            if (!decision.Allowed)
            {
                return context.Rules.OnCap == CapAction.Defer
                    ? FilterVerdict.Defer(Name, decision.Until!.Value, decision.Reason!)
                    : FilterVerdict.Skip(Name, decision.Reason!);
            }

            if (decision.Write is null || await ledgers.TryWriteAsync(context.Cart.Shop, customer, ledger, decision.Write, cancellationToken).ConfigureAwait(false))
            {
                return FilterVerdict.Pass(Name);
            }

            if (race >= MaxRaces)
            {
                throw new InvalidOperationException("The customer's contact ledger kept changing; the step will be retried.");
            }
        }
    }

    public async ValueTask ReleaseAsync(EligibilityContext context, CancellationToken cancellationToken)
    {
        if (context.IdempotencyKey is not { } key || CustomerOf(context.Cart) is not { } customer)
        {
            return;
        }

        for (var race = 0; race < MaxRaces; race++)
        {
            var ledger = await ledgers.ReadAsync(context.Cart.Shop, customer, cancellationToken).ConfigureAwait(false);
            if (FrequencyCaps.Release(ledger.Entries, key) is not { } rest
                || await ledgers.TryWriteAsync(context.Cart.Shop, customer, ledger, rest, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>The customer key (id, else email); a phone-only shopper is capped by their number.</summary>
    public static string? CustomerOf(CartSnapshot cart) =>
        cart.CustomerKey ?? (CartRecovery.Core.Carts.PhoneNumbers.ToE164(cart.Contact.Phone) is { } phone ? $"phone:{phone}" : null);
}
