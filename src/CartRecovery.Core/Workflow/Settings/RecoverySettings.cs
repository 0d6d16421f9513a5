namespace CartRecovery.Core.Workflow.Settings;

/// <summary>
/// A store's recovery configuration: when a cart counts as abandoned, who is high-value, how long a recovery may run, what
/// a cart change does, whether incentives may be offered, and the sequences by segment. A running recovery keeps the
/// settings it started with; a restart picks up the current ones.
/// </summary>
public sealed record RecoverySettings(
    TimeSpan AbandonmentThreshold,
    decimal HighValueAmount,
    TimeSpan Expiry,
    bool RestartOnCartChange,
    bool IncentivesEnabled,
    StepFailurePolicy OnStepFailure,
    IReadOnlyDictionary<string, IReadOnlyList<StepDefinition>> Sequences)
{
    /// <summary>The steps for a segment: its own sequence, else the default one.</summary>
    public IReadOnlyList<StepDefinition> SequenceFor(Segment segment) =>
        Sequences.TryGetValue(SequenceKeys.For(segment), out var own) ? own
        : Sequences.TryGetValue(SequenceKeys.Default, out var fallback) ? fallback
        : [];
}
