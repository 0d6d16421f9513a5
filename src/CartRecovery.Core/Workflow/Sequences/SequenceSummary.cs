using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Workflow.Sequences;

/// <summary>
/// One recovery as the merchant API shows it: cart, customer, segment, how far it got, what comes next and when, and why it
/// stopped. Written by the engine after every decision, so it can lag the engine by one write after a crash, never more.
/// </summary>
public sealed record SequenceSummary(
    string Id,
    string Shop,
    string CartKey,
    string? CustomerKey,
    Segment Segment,
    RecoveryStatus Status,
    string? StepReached,
    string? NextStep,
    DateTimeOffset? NextStepAt,
    StopReason? StopReason,
    string? StopNote,
    DateTimeOffset AbandonedAt,
    DateTimeOffset? EndedAt,
    decimal CartValue,
    string Currency,
    IReadOnlyList<StepRecord> Steps)
{
    public static SequenceSummary From(RecoveryState state)
    {
        var cart = state.Cart ?? throw new InvalidOperationException("a recovery that never started has no summary");
        var current = state.History.Where(h => h.Generation == state.Generation).ToList();
        var next = state.Status == RecoveryStatus.Active && state.NextStepIndex < state.Steps.Count ? state.Steps[state.NextStepIndex] : null;
        return new(
            state.WorkflowId,
            cart.Shop,
            cart.CartKey,
            cart.CustomerKey,
            state.Segment,
            state.Status,
            state.InFlight?.Request.StepId ?? current.LastOrDefault()?.ExecutionId,
            next is null ? null : RecoveryDecider.ExecutionId(next.Id, state.Generation),
            next is null ? null : state.DueAt(next),
            state.StopReason,
            state.StopNote,
            state.AbandonedAt,
            state.EndedAt,
            cart.TotalPrice,
            cart.Currency,
            state.History);
    }
}
