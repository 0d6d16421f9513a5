namespace CartRecovery.Core.Targeting.Rules;

/// <summary>What happens to a message a frequency cap holds back.</summary>
public enum CapAction
{
    Skip,
    Defer,
}
