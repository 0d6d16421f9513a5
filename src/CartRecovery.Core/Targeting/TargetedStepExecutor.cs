using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Klaviyo;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Targeting;

/// <summary>
/// Runs the shop's eligibility chain before each step, in front of the step executor, so both engines decide alike: a
/// skip returns <see cref="StepOutcome.Skipped"/> and a defer <see cref="StepOutcome.Deferred"/>, both with
/// <c>{filter}: {reason}</c>, which the decider records on the step (visible in the sequence API). A step already carried
/// out (a retry or a replay) returns its recorded outcome without being judged again. What a passing filter held (the
/// frequency cap's reservation) is released when the message ends up not sent.
/// </summary>
public sealed class TargetedStepExecutor(
    IStepExecutor inner,
    EligibilityChain chain,
    IShopRepository shops,
    IMessageRecords records,
    IShopKlaviyoKeys klaviyoKeys,
    TimeProvider time,
    double timeScale = 1) : IStepExecutor
{
    public async Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
    {
        if ((await records.FindByKeyAsync(request.Cart.Shop, request.IdempotencyKey, cancellationToken).ConfigureAwait(false))?.Outcome is { } recorded)
        {
            return recorded;
        }

        var context = await ContextAsync(request, cancellationToken).ConfigureAwait(false);
        var result = await chain.EvaluateAsync(context, cancellationToken).ConfigureAwait(false);
        switch (result.Verdict.Kind)
        {
            case VerdictKind.Skip:
                return StepOutcome.Skipped(result.Verdict.Describe());
            case VerdictKind.Defer:
                return StepOutcome.Deferred(result.Verdict.Until!.Value, result.Verdict.Describe());
        }

        // A throw (a transient failure) keeps the reservation: the retry carries the same key and finds it its own.
        var outcome = await inner.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        if (outcome.Kind is StepOutcomeKind.Skipped or StepOutcomeKind.Failed)
        {
            await EligibilityChain.ReleaseAsync(result.Holds, context, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    public async Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken)
    {
        var outcome = await inner.GiveUpAsync(request, reason, cancellationToken).ConfigureAwait(false);
        if (outcome.Kind is StepOutcomeKind.Skipped or StepOutcomeKind.Failed)
        {
            await chain.ReleaseAllAsync(await ContextAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<EligibilityContext> ContextAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var shop = await shops.GetAsync(request.Cart.Shop, cancellationToken).ConfigureAwait(false);
        var rules = shop.ContactRules;
        var klaviyoKey = request.Channel is Channel.Email or Channel.Sms && (rules.Filters ?? FilterNames.DefaultOrder).Contains(FilterNames.Klaviyo)
            ? await klaviyoKeys.KeyForAsync(shop.Domain, cancellationToken).ConfigureAwait(false)
            : null;
        return new EligibilityContext(
            EligibilityStage.Step, request.Cart, rules, shop.Profile.TimeZone, time.GetUtcNow(), request.Channel, request.StepId, request.IdempotencyKey, klaviyoKey, timeScale);
    }
}
