namespace CartRecovery.Core.Abandonment;

public enum AbandonmentVerdict
{
    /// <summary>Idle for the threshold and still eligible: hand over to recovery now.</summary>
    Abandoned,

    /// <summary>Eligible but not idle long enough yet.</summary>
    NotYet,

    /// <summary>Cannot be abandoned (see the reason): nothing to schedule.</summary>
    Ineligible,
}
