namespace CartRecovery.Core.Reconciliation;

/// <summary><c>Reconciliation</c>: how often each shop's checkouts and orders are read back from the Admin API to catch missed webhooks.</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconciliation";

    /// <summary>Time between two reconciliations of a shop (also the longest a missed webhook stays unnoticed).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far back the first reconciliation of a shop (no watermark yet) reads.</summary>
    public TimeSpan InitialLookback { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// Each read starts this long before the watermark: Shopify's search index lags a little behind writes, and reading
    /// a change twice is harmless (deduplicated by id and <c>updated_at</c>).
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Checkouts or orders per Admin API page (Shopify allows up to 250; each checkout carries up to 100 lines).</summary>
    public int PageSize { get; set; } = 50;
}
