using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Webhooks;

/// <summary>The durable inbox on Table Storage: one entity per delivery, written with group commit, keyed by the delivery id.</summary>
public sealed class TableWebhookInbox : IWebhookInbox
{
    public const string TableName = "WebhookInbox";
    private readonly GroupCommitInserter inserter;
    private readonly IOptions<WebhookOptions> options;
    private readonly InboxSignal signal;
    private readonly IngestionMonitor? monitor;

    public TableWebhookInbox(StorageTables tables, IOptions<WebhookOptions> options, InboxSignal signal, IngestionMonitor? monitor = null)
    {
        inserter = new GroupCommitInserter(ct => tables.GetAsync(TableName, ct));
        this.options = options;
        this.signal = signal;
        this.monitor = monitor;
    }

    public async Task<InboxAcceptance> AcceptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var partition = InboxPartitions.For(delivery.Shop, options.Value.Partitions);
        if (InboxRows.ToPending(delivery, partition) is not { } entity)
        {
            return InboxAcceptance.TooLarge;
        }

        // Not cancelled with the request: once queued, the write completes whether or not the caller is still waiting.
        var inserted = await inserter.InsertAsync(entity, InboxRows.ApproximateSize(entity)).WaitAsync(cancellationToken).ConfigureAwait(false);
        monitor?.Recorded();
        if (inserted)
        {
            signal.Notify(partition);
        }

        return inserted ? InboxAcceptance.Accepted : InboxAcceptance.Duplicate;
    }
}
