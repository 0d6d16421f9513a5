namespace CartRecovery.Core.Workflow;

/// <summary>Where a recovery is in its life.</summary>
public enum RecoveryStatus
{
    /// <summary>Not started yet (the decider's initial state).</summary>
    New,
    Active,

    /// <summary>Every step ran (or was skipped).</summary>
    Completed,

    /// <summary>Interrupted; <see cref="RecoveryState.StopReason"/> says why.</summary>
    Stopped,
}
