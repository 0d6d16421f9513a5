using CartRecovery.Core.Ingestion;
using CartRecovery.Core.Telemetry;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// One pass over an inbox partition: each pending delivery, in arrival order, is checked against the ledger (a retry or a
/// second subscription of an action already processed has no effect) and processed; completions are written in groups. A failure
/// leaves the delivery pending for the next pass; after <see cref="MaxAttempts"/> it is set aside as dead. A compliance delivery
/// (data request, redaction) waits, without counting an attempt, until no earlier delivery of its shop is pending: an export
/// must hold everything acknowledged before it, and an earlier delivery processed after a redaction would bring data back.
/// </summary>
public sealed partial class WebhookInboxWorker(WebhookInboxQueue queue, WebhookDeliveryProcessor processor, ILogger<WebhookInboxWorker> logger, Func<CancellationToken, Task>? pace = null)
{
    public const int MaxAttempts = 10;
    private const int PassSize = 100;

    /// <summary>Completions are written to the ledger and removed from the inbox in groups of this many.</summary>
    private const int CompleteEvery = 25;

    /// <summary>Returns how many deliveries were completed (processed or recognised as duplicates).</summary>
    public async Task<int> RunPassAsync(string partition, CancellationToken cancellationToken)
    {
        var done = new List<WebhookDelivery>();
        var seen = new HashSet<string>(StringComparer.Ordinal); // ledger keys completed in this pass, not yet written
        var completed = 0;
        foreach (var key in await queue.PendingAsync(partition, PassSize, cancellationToken).ConfigureAwait(false))
        {
            if (await queue.ReadAsync(partition, key.RowKey, cancellationToken).ConfigureAwait(false) is not { } entity)
            {
                continue; // completed meanwhile by another worker sharing the table
            }

            WebhookDelivery delivery;
            try
            {
                delivery = InboxRows.FromPending(entity);
            }
            catch (InvalidDataException e)
            {
                LogCorrupt(logger, e, partition, entity.RowKey);
                await queue.DeadLetterAsync(entity, cancellationToken).ConfigureAwait(false);
                CartRecoveryMetrics.WebhookDeadLettered("unreadable");
                continue;
            }

            try
            {
                if (SeenInPass(seen, delivery) || await queue.AlreadyProcessedAsync(partition, delivery, cancellationToken).ConfigureAwait(false))
                {
                    LogDuplicate(logger, delivery.Shop, delivery.Topic, delivery.WebhookId);
                }
                else
                {
                    if (WebhookTopics.IsCompliance(delivery.KnownTopic))
                    {
                        // What this pass processed must show as done in storage before asking what is still pending.
                        completed += await FlushAsync(partition, done, cancellationToken).ConfigureAwait(false);
                        if (await queue.HasEarlierPendingAsync(partition, delivery, cancellationToken).ConfigureAwait(false))
                        {
                            LogWaiting(logger, delivery.Shop, delivery.Topic, delivery.WebhookId);
                            continue;
                        }
                    }

                    await processor.ProcessAsync(delivery, cancellationToken).ConfigureAwait(false);
                }

                Remember(seen, delivery);
                done.Add(delivery);
                if (done.Count >= CompleteEvery)
                {
                    completed += await FlushAsync(partition, done, cancellationToken).ConfigureAwait(false);
                }

                if (pace is not null)
                {
                    await pace(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await FailAsync(entity, delivery, e, cancellationToken).ConfigureAwait(false);
            }
        }

        return completed + await FlushAsync(partition, done, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes what the pass has processed so far; returns how many.</summary>
    private async Task<int> FlushAsync(string partition, List<WebhookDelivery> done, CancellationToken cancellationToken)
    {
        await queue.CompleteAsync(partition, done, cancellationToken).ConfigureAwait(false);
        var count = done.Count;
        done.Clear();
        return count;
    }

    private static bool SeenInPass(HashSet<string> seen, WebhookDelivery delivery) =>
        seen.Contains(InboxRows.DeliveredKey(delivery.WebhookId)) || (delivery.EventId is { } e && seen.Contains(InboxRows.EventKey(delivery.Topic, e)));

    private static void Remember(HashSet<string> seen, WebhookDelivery delivery)
    {
        seen.Add(InboxRows.DeliveredKey(delivery.WebhookId));
        if (delivery.EventId is { } e)
        {
            seen.Add(InboxRows.EventKey(delivery.Topic, e));
        }
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {WebhookId} ({Topic}, {Shop}) waits for earlier deliveries of its shop")]
    private static partial void LogWaiting(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {WebhookId} ({Topic}, {Shop}) failed on attempt {Attempt}; it stays pending")]
    private static partial void LogFailed(ILogger logger, Exception exception, string shop, string topic, string webhookId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox row {RowKey} in {Partition} cannot be read; set aside")]
    private static partial void LogCorrupt(ILogger logger, Exception exception, string partition, string rowKey);
}
