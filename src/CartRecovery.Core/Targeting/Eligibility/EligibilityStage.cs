namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>When the chain runs: once before a recovery starts (no channel yet), and again before each step.</summary>
public enum EligibilityStage
{
    Start,
    Step,
}
