namespace CartRecovery.Core.Reconciliation;

/// <summary>What one shop's reconciliation did: how many checkouts and orders it fed to ingestion, or why it was skipped.</summary>
public sealed record ReconciliationResult(string Shop, int Checkouts, int Orders, string? SkippedReason)
{
    public static ReconciliationResult Skipped(string shop, string reason) => new(shop, 0, 0, reason);
}
