using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow;

/// <summary>One step as it happened: which run (<see cref="Generation"/>, 0 until a restart), when, and with what result.</summary>
public sealed record StepRecord(
    string ExecutionId,
    string StepId,
    int StepIndex,
    int Generation,
    Channel Channel,
    StepStatus Status,
    string? Reason,
    string? MessageId,
    DateTimeOffset At)
{
    /// <summary>For a <see cref="StepStatus.Deferred"/> record: when the step runs again.</summary>
    public DateTimeOffset? Until { get; init; }
}
