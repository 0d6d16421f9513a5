namespace CartRecovery.Core.Targeting.Eligibility;

/// <summary>
/// Counts of the chain's decisions per shop, day, filter and outcome: what analytics reads ("how many carts did the
/// frequency cap hold back this week"). One count per chain run: the filter that decided, or <c>passed</c>.
/// </summary>
public interface IEligibilityStats
{
    Task RecordAsync(string shop, DateOnly day, string filter, VerdictKind outcome, CancellationToken cancellationToken);

    Task<IReadOnlyList<FilterCount>> ReadAsync(string shop, DateOnly from, DateOnly to, CancellationToken cancellationToken);
}
