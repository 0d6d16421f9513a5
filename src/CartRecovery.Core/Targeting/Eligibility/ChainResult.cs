namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>
/// The chain's decision: the first filter that did not pass (or <see cref="EligibilityChain.PassedName"/> when all did), and
/// the filters that held something for the step (released by the caller if the message is not sent after all).
/// </summary>
public sealed record ChainResult(FilterVerdict Verdict, IReadOnlyList<IReservingFilter> Holds)
{
    public bool Passed => Verdict.Kind == VerdictKind.Pass;
}
