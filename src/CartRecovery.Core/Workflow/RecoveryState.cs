using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// Everything the decider knows about one cart's recovery. Serialised as a whole by both hosts (the runner's state row,
/// the orchestration's input on ContinueAsNew), so it holds only data.
/// </summary>
/// <param name="Generation">0 for the first run; each restart (merchant, cart change) adds one, so its steps get new idempotency keys.</param>
/// <param name="RunStartedAt">When the current run's delays count from: abandonment, or the restart.</param>
/// <param name="NextStepIndex">The next step of the current run's sequence.</param>
/// <param name="WakeAt">When the host must deliver a timer: the next step's due time or the expiry; null while a step is in flight or after the end.</param>
/// <param name="Engaged">Execution ids of messages the shopper opened or clicked.</param>
/// <param name="OptedOutChannels">Channels the shopper left; their steps are skipped.</param>
public sealed record RecoveryState(
    string WorkflowId,
    RecoveryStatus Status,
    CartSnapshot? Cart,
    RecoverySettings? Settings,
    double TimeScale,
    Segment Segment,
    int Generation,
    DateTimeOffset AbandonedAt,
    DateTimeOffset RunStartedAt,
    DateTimeOffset ExpiresAt,
    int NextStepIndex,
    InFlightStep? InFlight,
    DateTimeOffset? WakeAt,
    IReadOnlyList<StepRecord> History,
    IReadOnlyList<string> Engaged,
    IReadOnlyList<Channel> OptedOutChannels,
    StopReason? StopReason,
    string? StopNote,
    DateTimeOffset? EndedAt)
{
    public static RecoveryState New(string workflowId) => new(
        workflowId, RecoveryStatus.New, null, null, 1, Segment.FirstTime, -1, default, default, default, 0, null, null, [], [], [], null, null, null);

    /// <summary>The current step waits until then (an eligibility filter deferred it); null when it is not deferred.</summary>
    public DateTimeOffset? DeferredUntil { get; init; }

    public bool IsEnded => Status is RecoveryStatus.Completed or RecoveryStatus.Stopped;

    /// <summary>The steps of the current run (empty before the start).</summary>
    public IReadOnlyList<StepDefinition> Steps => Settings?.SequenceFor(Segment) ?? [];

    /// <summary>When a step of the current run falls due: its delay, divided by the time scale, after the run started.</summary>
    public DateTimeOffset DueAt(StepDefinition step) => RunStartedAt + Scale(step.Delay, TimeScale);

    public static TimeSpan Scale(TimeSpan delay, double timeScale) => TimeSpan.FromTicks((long)(delay.Ticks / timeScale));
}
