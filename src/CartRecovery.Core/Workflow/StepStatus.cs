namespace CartRecovery.Core.Workflow;

/// <summary>What became of one step of a recovery.</summary>
public enum StepStatus
{
    Sent,
    Skipped,
    Failed,
}
