namespace CartRecovery.Core.Webhooks;

/// <summary>Section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Bodies larger than this are refused with 413 before anything else is done.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How long delivery and event ids are remembered for deduplication: longer than Shopify's 4-hour retry window.</summary>
    public TimeSpan DedupeRetention { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Inbox partitions (by shop); each is processed in order by one worker, and concurrent deliveries of a partition are written in one transaction.</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>
    /// How many inbox partitions this node processes at once (each runs up to 32 carts at a time). Fewer leaves more of the
    /// storage account's write capacity to acknowledging deliveries; 0 makes the node ingest only (another node sharing the
    /// tables processes).
    /// </summary>
    public int ProcessingConcurrency { get; set; } = 4;

    /// <summary>
    /// Above this many deliveries recorded per second, processing paces itself (<see cref="PaceWhenBusy"/> between deliveries)
    /// so that acknowledging keeps the storage account's write capacity. 0 never paces.
    /// </summary>
    public int BusyAbove { get; set; } = 100;

    /// <summary>Pause after each processed group (the pending deliveries of one cart) of a worker while acknowledging is busy.</summary>
    public TimeSpan PaceWhenBusy { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// A delivery whose <c>X-Shopify-Triggered-At</c> is older than this is refused (400): Shopify retries for 4 hours, so
    /// anything older is a replay of a captured request, not a retry. Must not exceed <see cref="DedupeRetention"/>, so that
    /// every body young enough to be accepted is still remembered as seen.
    /// </summary>
    public TimeSpan MaxDeliveryAge { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Time the acknowledgement may take (replay check and inbox write). Past it the answer is 503 with Retry-After, never a
    /// late 200: Shopify stops waiting after 5 seconds and would retry anyway.
    /// </summary>
    public TimeSpan AcknowledgeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the inbox is swept for deliveries that were recorded but not processed (a crash, a failed attempt).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The problems with these settings (empty when valid); checked when the host starts.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (MaxDeliveryAge <= TimeSpan.Zero || MaxDeliveryAge > DedupeRetention)
        {
            problems.Add("Webhooks:MaxDeliveryAge must be positive and at most Webhooks:DedupeRetention.");
        }

        if (AcknowledgeTimeout <= TimeSpan.Zero || AcknowledgeTimeout >= TimeSpan.FromSeconds(5))
        {
            problems.Add("Webhooks:AcknowledgeTimeout must be positive and under Shopify's 5 seconds.");
        }

        if (MaxBodyBytes <= 0 || Partitions <= 0)
        {
            problems.Add("Webhooks:MaxBodyBytes and Webhooks:Partitions must be positive.");
        }

        return problems;
    }
}
