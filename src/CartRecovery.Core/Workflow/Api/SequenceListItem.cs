using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Workflow.Api;

/// <summary>A recovery in a listing: the summary without its step history.</summary>
public sealed record SequenceListItem(
    string Id,
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
    string Currency)
{
    public static SequenceListItem From(SequenceSummary s) => new(
        s.Id, s.CartKey, s.CustomerKey, s.Segment, s.Status, s.StepReached, s.NextStep, s.NextStepAt, s.StopReason, s.StopNote, s.AbandonedAt, s.EndedAt, s.CartValue, s.Currency);
}
