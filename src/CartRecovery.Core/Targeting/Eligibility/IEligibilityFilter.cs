namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>
/// One filter of the eligibility chain. The extension point for filters built elsewhere (the inventory filter of the
/// Admin API work registers itself under <see cref="Rules.FilterNames.Inventory"/>): register an implementation in DI and
/// name it in the shop's <c>filters</c> list. A filter must not throw for a decision; an exception is an outage and the
/// step is retried by the engine.
/// </summary>
public interface IEligibilityFilter
{
    string Name { get; }

    ValueTask<FilterVerdict> EvaluateAsync(EligibilityContext context, CancellationToken cancellationToken);
}
