namespace CartRecovery.Core.Workflow;

/// <summary>What became of one step of a recovery.</summary>
public enum StepStatus
{
    Sent,
    Skipped,
    Failed,

    /// <summary>Held back by an eligibility filter until a later time; the same step runs again then (a later record says how it ended).</summary>
    Deferred,
}
