namespace CartRecovery.Core.Incentives;

/// <summary>Every code the app gave, per recovery step (idempotency) and per customer (the anti-gaming limit).</summary>
public interface IIncentiveLedger
{
    Task<IssuedIncentive?> FindAsync(string shop, string workflowId, string stepId, CancellationToken cancellationToken);

    Task RecordAsync(IssuedIncentive issued, CancellationToken cancellationToken);

    /// <summary>How many unique codes the customer got since <paramref name="since"/> (static codes do not count).</summary>
    Task<int> CountForCustomerAsync(string shop, string customerHash, DateTimeOffset since, CancellationToken cancellationToken);
}
