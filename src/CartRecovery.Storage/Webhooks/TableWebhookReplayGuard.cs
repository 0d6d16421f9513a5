using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Tables;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// Body fingerprints in the ledger table (<c>b|{topic}|{sha256}</c>, partitioned by the hash, not by shop, so a body re-sent
/// to another shop's address finds its row), written with group commit like the inbox and purged with the ledger's
/// processed ids when <see cref="WebhookOptions.DedupeRetention"/> has passed.
/// </summary>
public sealed class TableWebhookReplayGuard : IWebhookReplayGuard
{
    private readonly StorageTables tables;
    private readonly IOptions<WebhookOptions> options;
    private readonly TimeProvider time;
    private readonly GroupCommitInserter inserter;

    public TableWebhookReplayGuard(StorageTables tables, IOptions<WebhookOptions> options, TimeProvider time)
    {
        this.tables = tables;
        this.options = options;
        this.time = time;
        inserter = new GroupCommitInserter(ct => tables.GetAsync(WebhookInboxQueue.LedgerTable, ct));
    }

    public async Task<ReplayVerdict> CheckAsync(WebhookFingerprint fingerprint, CancellationToken cancellationToken)
    {
        var partition = InboxPartitions.Name((int)(Convert.ToUInt32(fingerprint.BodySha256[..8], 16) % (uint)Math.Max(1, options.Value.Partitions)));
        var row = new TableEntity(partition, InboxRows.BodyKey(fingerprint.Topic, fingerprint.BodySha256))
        {
            ["Shop"] = fingerprint.Shop,
            ["WebhookId"] = fingerprint.WebhookId,
            ["ReceivedAt"] = fingerprint.ReceivedAt,
            ["ExpiresAt"] = fingerprint.ReceivedAt + options.Value.DedupeRetention,
        };

        // Not cancelled with the request once queued (as the inbox): a Shopify retry then finds its own fingerprint.
        if (await inserter.InsertAsync(row, InboxRows.ApproximateSize(row)).WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            return ReplayVerdict.New;
        }

        var table = await tables.GetAsync(WebhookInboxQueue.LedgerTable, cancellationToken).ConfigureAwait(false);
        var seen = await table.GetEntityIfExistsAsync(partition, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (seen is null || seen.GetDateTimeOffset("ExpiresAt") < time.GetUtcNow())
        {
            // Purged or past the retention: this body counts as new again (the age check has refused stale deliveries already).
            return await ClaimAsync(table, row, seen, cancellationToken).ConfigureAwait(false);
        }

        return string.Equals(seen.GetString("WebhookId"), fingerprint.WebhookId, StringComparison.Ordinal)
            && string.Equals(seen.GetString("Shop"), fingerprint.Shop, StringComparison.Ordinal)
                ? ReplayVerdict.SameDelivery
                : ReplayVerdict.Replay;
    }

    private static async Task<ReplayVerdict> ClaimAsync(TableClient table, TableEntity row, TableEntity? expired, CancellationToken cancellationToken)
    {
        try
        {
            if (expired is null)
            {
                await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await table.UpdateEntityAsync(row, expired.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            }

            return ReplayVerdict.New;
        }
        catch (RequestFailedException e) when (e.IsLostRace())
        {
            return ReplayVerdict.Replay; // another request with the same body claimed it this instant
        }
    }
}
