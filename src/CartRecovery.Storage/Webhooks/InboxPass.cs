using CartRecovery.Core.Webhooks;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// The shared state of one pass over an inbox partition, whose groups run concurrently: the lanes that may run at once,
/// the delivery and event ids the pass has completed (a second subscription's copy in the same pass is a duplicate), and
/// the completions not yet written, which go to the ledger and out of the inbox in groups (entity group transactions).
/// </summary>
internal sealed class InboxPass(WebhookInboxQueue queue, string partition, int lanes, int activeLanes) : IDisposable
{
    /// <summary>Completions are written to the ledger and removed from the inbox in groups of this many.</summary>
    private const int CompleteEvery = 100;

    private readonly Lock gate = new();
    private readonly SemaphoreSlim flushing = new(1, 1);
    private readonly HashSet<string> seen = new(StringComparer.Ordinal); // ledger keys completed in this pass, maybe not yet written
    private List<WebhookDelivery> done = [];
    private int completed;

    /// <summary>Held by each group while it runs: how many groups of the partition run at once.</summary>
    public SemaphoreSlim Lanes { get; } = new(lanes, lanes);

    /// <summary>Held as well by each group that starts while deliveries are being acknowledged.</summary>
    public SemaphoreSlim ActiveLanes { get; } = new(activeLanes, activeLanes);

    public string Partition => partition;

    public bool SeenBefore(WebhookDelivery delivery)
    {
        lock (gate)
        {
            return seen.Contains(InboxRows.DeliveredKey(delivery.WebhookId)) || (delivery.EventId is { } e && seen.Contains(InboxRows.EventKey(delivery.Topic, e)));
        }
    }

    /// <summary>Marks deliveries whose effect has been written (or was had before) for completion.</summary>
    public async Task DoneAsync(IReadOnlyList<WebhookDelivery> deliveries, CancellationToken cancellationToken)
    {
        bool full;
        lock (gate)
        {
            foreach (var delivery in deliveries)
            {
                seen.Add(InboxRows.DeliveredKey(delivery.WebhookId));
                if (delivery.EventId is { } e)
                {
                    seen.Add(InboxRows.EventKey(delivery.Topic, e));
                }
            }

            done.AddRange(deliveries);
            full = done.Count >= CompleteEvery;
        }

        if (full)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes what the pass has completed so far. A failure leaves those deliveries pending (the next pass finds their
    /// effect already had, or has it again: processing is idempotent).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            List<WebhookDelivery> batch;
            lock (gate)
            {
                batch = done;
                done = [];
            }

            if (batch.Count > 0)
            {
                await queue.CompleteAsync(partition, batch, cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref completed, batch.Count);
            }
        }
        finally
        {
            flushing.Release();
        }
    }

    /// <summary>Writes the rest; returns how many deliveries the pass completed.</summary>
    public async Task<int> FinishAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        return Volatile.Read(ref completed);
    }

    public void Dispose()
    {
        flushing.Dispose();
        Lanes.Dispose();
        ActiveLanes.Dispose();
    }
}
