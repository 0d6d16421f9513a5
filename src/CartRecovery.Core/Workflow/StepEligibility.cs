using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Contact;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Workflow;

/// <summary>Decides whether a due step may run; when not, says why (the reason is recorded with the skipped step).</summary>
public static class StepEligibility
{
    /// <summary>Null when the step may run, else the reason it is skipped.</summary>
    public static string? SkipReason(RecoveryState state, StepDefinition step)
    {
        var cart = state.Cart!;
        var settings = state.Settings!;
        var conditions = step.EffectiveConditions;
        return ContactPolicy.Check(cart, step.Channel).SkipReason
            ?? (state.OptedOutChannels.Contains(step.Channel) ? $"the shopper opted out of {Name(step.Channel)}" : null)
            ?? (conditions.Segments is { Count: > 0 } segments && !segments.Contains(state.Segment) ? $"not for the {SequenceKeys.For(state.Segment)} segment" : null)
            ?? (conditions.MinCartValue is { } min && cart.TotalPrice < min ? $"cart value {cart.TotalPrice} is under {min}" : null)
            ?? (conditions.RequiresLowStock && !IsLowStock(cart) ? "no item is low in stock" : null)
            ?? (conditions.RequiresHighValueOrLowStock && !IsHighValue(state) && !IsLowStock(cart) ? "neither high-value nor low in stock" : null)
            ?? (conditions.RequiresPreviousOpened && !PreviousOpened(state) ? "the previous message was not opened" : null)
            ?? (step.Incentive && !settings.IncentivesEnabled ? "incentives are not enabled for this store" : null);
    }

    private static bool IsLowStock(CartSnapshot cart) => cart.Lines.Any(l => l.LowStock);

    private static bool IsHighValue(RecoveryState state) =>
        state.Segment == Segment.HighValue || state.Cart!.TotalPrice >= state.Settings!.HighValueAmount;

    private static bool PreviousOpened(RecoveryState state) =>
        state.History.LastOrDefault(r => r.Generation == state.Generation && r.Status == StepStatus.Sent) is { } last
        && state.Engaged.Contains(last.ExecutionId);

    private static string Name(Channel channel) => channel.ToString().ToLowerInvariant();
}
