namespace CartRecovery.Core.Workflow.Settings;

/// <summary>What a recovery does when a step has failed after every retry.</summary>
public enum StepFailurePolicy
{
    /// <summary>Record the failure and go on with the next step.</summary>
    ContinueWithNextStep,

    /// <summary>Record the failure and stop the recovery (stop reason: step failed).</summary>
    StopSequence,
}
