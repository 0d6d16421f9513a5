using Azure.Data.Tables;
using CartRecovery.Core.Ingestion;
using CartRecovery.Core.Telemetry;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// One pass over an inbox partition. The pending deliveries (oldest first, bodies listed with the keys) are planned by
/// <see cref="DeliveryCoalescing"/>: deliveries of one cart or checkout become one group whose newest state alone is
/// processed; every member is completed only after that write, so nothing acknowledged is lost and a crash in between
/// repeats the group (idempotently). Groups of different carts run concurrently (<see cref="QuietLanes"/> at once), those
/// of one cart in arrival order, and a barrier (a compliance delivery, an uninstall, a lookup by numeric id) runs alone in
/// its shop's order. Each group's newest delivery is checked against the ledger (a retry or a second subscription of an
/// action already processed has no effect); completions go to the ledger and out of the inbox in entity group transactions.
/// A failure leaves the group pending for the next pass; after <see cref="MaxAttempts"/> the delivery is set aside as dead.
/// A compliance delivery waits, without counting an attempt, until no earlier delivery of its shop is pending: an export
/// must hold everything acknowledged before it, and an earlier delivery processed after a redaction would bring data back.
/// While deliveries are being acknowledged (<paramref name="load"/>) a pass lists fewer deliveries and runs only
/// <see cref="ActiveLanes"/> groups at once (checked per group, so a long pass gives way as soon as a burst begins), and
/// <paramref name="pace"/> pauses after each group: the storage account's capacity goes to the acknowledgements first.
/// </summary>
public sealed partial class WebhookInboxWorker(
    WebhookInboxQueue queue,
    WebhookDeliveryProcessor processor,
    ILogger<WebhookInboxWorker> logger,
    Func<CancellationToken, Task>? pace = null,
    Func<AcknowledgingLoad>? load = null)
{
    public const int MaxAttempts = 10;

    /// <summary>
    /// Deliveries a pass lists while acknowledging is quiet (in pages of 1,000): the more a pass sees, the more states of one
    /// cart it can merge. A pass holds them in memory, about 2 kB each.
    /// </summary>
    public const int QuietPassSize = 5000;

    /// <summary>
    /// Groups of one partition processed at once while acknowledging is quiet. A group is a chain of dependent round trips,
    /// so a pass is bound by their latency unless many run side by side.
    /// </summary>
    public const int QuietLanes = 32;

    /// <summary>Groups of one partition processed at once while deliveries are being acknowledged.</summary>
    public const int ActiveLanes = 2;

    private const int ActivePassSize = 100;

    /// <summary>Returns how many deliveries were completed (processed, covered by a newer state, or recognised as duplicates).</summary>
    public async Task<int> RunPassAsync(string partition, CancellationToken cancellationToken)
    {
        var quiet = Load() == AcknowledgingLoad.Quiet;
        var rows = new Dictionary<WebhookDelivery, TableEntity>(ReferenceEqualityComparer.Instance); // the row each delivery was read from
        var deliveries = new List<WebhookDelivery>();
        foreach (var entity in await queue.ListPendingAsync(partition, quiet ? QuietPassSize : ActivePassSize, withBodies: true, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var delivery = InboxRows.FromPending(entity);
                rows[delivery] = entity;
                deliveries.Add(delivery);
            }
            catch (InvalidDataException e)
            {
                LogCorrupt(logger, e, partition, entity.RowKey);
                await queue.DeadLetterAsync(entity, cancellationToken).ConfigureAwait(false);
                CartRecoveryMetrics.WebhookDeadLettered("unreadable");
            }
        }

        using var pass = new InboxPass(queue, partition, QuietLanes, ActiveLanes);
        var shops = DeliveryCoalescing.Plan(deliveries).GroupBy(g => g.Shop, StringComparer.Ordinal);
        await Task.WhenAll(shops.Select(shop => RunShopAsync(pass, shop.ToList(), rows, cancellationToken))).ConfigureAwait(false);
        return await pass.FinishAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A shop's groups: between two barriers, each lane in order and the lanes side by side; a barrier alone.</summary>
    private async Task RunShopAsync(InboxPass pass, List<DeliveryGroup> groups, Dictionary<WebhookDelivery, TableEntity> rows, CancellationToken cancellationToken)
    {
        var segment = new List<DeliveryGroup>();
        foreach (var group in groups)
        {
            if (!group.IsBarrier)
            {
                segment.Add(group);
                continue;
            }

            await RunSegmentAsync(pass, segment, rows, cancellationToken).ConfigureAwait(false);
            segment = [];
            await RunGroupAsync(pass, group, rows, cancellationToken).ConfigureAwait(false);
        }

        await RunSegmentAsync(pass, segment, rows, cancellationToken).ConfigureAwait(false);
    }

    private Task RunSegmentAsync(InboxPass pass, List<DeliveryGroup> segment, Dictionary<WebhookDelivery, TableEntity> rows, CancellationToken cancellationToken) =>
        Task.WhenAll(segment.GroupBy(g => g.Lane, StringComparer.Ordinal).Select(async lane =>
        {
            foreach (var group in lane)
            {
                await RunGroupAsync(pass, group, rows, cancellationToken).ConfigureAwait(false);
            }
        }));

    private async Task RunGroupAsync(InboxPass pass, DeliveryGroup group, Dictionary<WebhookDelivery, TableEntity> rows, CancellationToken cancellationToken)
    {
        var delivery = group.Newest;
        await pass.Lanes.WaitAsync(cancellationToken).ConfigureAwait(false);
        var narrowed = false;
        try
        {
            if (Load() != AcknowledgingLoad.Quiet)
            {
                await pass.ActiveLanes.WaitAsync(cancellationToken).ConfigureAwait(false);
                narrowed = true;
            }

            if (pass.SeenBefore(delivery) || await queue.AlreadyProcessedAsync(pass.Partition, delivery, cancellationToken).ConfigureAwait(false))
            {
                LogDuplicate(logger, delivery.Shop, delivery.Topic, delivery.WebhookId);
            }
            else
            {
                if (WebhookTopics.IsCompliance(delivery.KnownTopic))
                {
                    // What this pass processed must show as done in storage before asking what is still pending.
                    await pass.FlushAsync(cancellationToken).ConfigureAwait(false);
                    if (await queue.HasEarlierPendingAsync(pass.Partition, delivery, cancellationToken).ConfigureAwait(false))
                    {
                        LogWaiting(logger, delivery.Shop, delivery.Topic, delivery.WebhookId);
                        return;
                    }
                }

                await processor.ProcessAsync(delivery, cancellationToken).ConfigureAwait(false);
            }

            if (group.Members.Count > 1)
            {
                LogCoalesced(logger, delivery.Shop, delivery.Topic, delivery.WebhookId, group.Members.Count - 1);
            }

            if (pace is not null)
            {
                await pace(cancellationToken).ConfigureAwait(false);
            }

            // Only now: the write that covers every member is done.
            await pass.DoneAsync(group.Members, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(rows[delivery], delivery, e, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (narrowed)
            {
                pass.ActiveLanes.Release();
            }

            pass.Lanes.Release();
        }
    }

    private AcknowledgingLoad Load() => load?.Invoke() ?? AcknowledgingLoad.Quiet;

    private async Task FailAsync(Azure.Data.Tables.TableEntity entity, WebhookDelivery delivery, Exception error, CancellationToken cancellationToken)
    {
        LogFailed(logger, error, delivery.Shop, delivery.Topic, delivery.WebhookId, InboxRows.Attempts(entity) + 1);
        try
        {
            // A refusal no retry can cure (a key or value the storage rejects) is set aside at once: waiting out the attempts
            // would only hold up the shop's compliance deliveries behind it.
            if (InboxRows.Attempts(entity) + 1 >= MaxAttempts || IsPermanent(error))
            {
                await queue.DeadLetterAsync(entity, cancellationToken).ConfigureAwait(false);
                LogDeadLettered(logger, delivery.Shop, delivery.Topic, delivery.WebhookId, InboxRows.Attempts(entity) + 1);
                CartRecoveryMetrics.WebhookDeadLettered(delivery.Topic);
            }
            else
            {
                await queue.RecordFailureAsync(entity, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, delivery.Shop, delivery.Topic, delivery.WebhookId, InboxRows.Attempts(entity) + 1);
        }
    }

    private static bool IsPermanent(Exception error) =>
        error is ArgumentException || (error is Azure.RequestFailedException { Status: 400 or 413 or 431 });

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {WebhookId} ({Topic}, {Shop}) set aside as a dead letter after {Attempts} attempts: it had no effect (listed under the shop's webhooks/dead-letters)")]
    private static partial void LogDeadLettered(ILogger logger, string shop, string topic, string webhookId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {WebhookId} ({Topic}, {Shop}) already had its effect; completed without repeating it")]
    private static partial void LogDuplicate(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {WebhookId} ({Topic}, {Shop}) carried the newest state of {Covered} other pending deliveries; all are completed")]
    private static partial void LogCoalesced(ILogger logger, string shop, string topic, string webhookId, int covered);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {WebhookId} ({Topic}, {Shop}) waits for earlier deliveries of its shop")]
    private static partial void LogWaiting(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {WebhookId} ({Topic}, {Shop}) failed on attempt {Attempt}; it stays pending")]
    private static partial void LogFailed(ILogger logger, Exception exception, string shop, string topic, string webhookId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox row {RowKey} in {Partition} cannot be read; set aside")]
    private static partial void LogCorrupt(ILogger logger, Exception exception, string partition, string rowKey);
}
