namespace CartRecovery.Core.Targeting.Eligibility;

public enum VerdictKind
{
    Pass,
    Skip,
    Defer,
}
