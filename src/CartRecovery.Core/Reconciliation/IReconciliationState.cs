namespace CartRecovery.Core.Reconciliation;

/// <summary>Each shop's reconciliation watermark (durable across restarts) and the reason it was last skipped, if it was.</summary>
public interface IReconciliationState
{
    /// <summary>The shops the app is installed in (seen and not uninstalled).</summary>
    Task<IReadOnlyList<string>> InstalledShopsAsync(CancellationToken cancellationToken);

    Task<ShopReconciliationState> GetAsync(string shop, CancellationToken cancellationToken);

    /// <summary>Everything the shop changed up to <paramref name="watermark"/> has been processed.</summary>
    Task AdvanceAsync(string shop, DateTimeOffset watermark, CancellationToken cancellationToken);

    /// <summary>The shop could not be reconciled at <paramref name="at"/> for <paramref name="reason"/> (its watermark stays).</summary>
    Task RecordSkippedAsync(string shop, string reason, DateTimeOffset at, CancellationToken cancellationToken);
}
