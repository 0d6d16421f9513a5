using System.Collections.Concurrent;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// Inserts entities with group commit: while one write to a partition is in flight, later inserts for that partition queue
/// up and go together in the next entity group transaction (up to 100 entities, under 4 MiB). At low load every insert is
/// written at once on its own; under load the number of storage round trips per insert falls towards 1/100.
/// Each caller learns whether its entity was inserted (true) or already existed (false); a failure fails only the
/// callers whose entity was not written. An entity the service (or the client's own key checks) refuses for what it is
/// fails alone: the rest of its batch is written without it, so one bad delivery never fails its neighbours.
/// </summary>
public sealed class GroupCommitInserter(Func<CancellationToken, Task<TableClient>> table)
{
    private const int MaxBatchEntities = 100;
    private const int MaxBatchBytes = 3 * 1024 * 1024;
    private readonly ConcurrentDictionary<string, Channel<PendingInsert>> partitions = new(StringComparer.Ordinal);

    public Task<bool> InsertAsync(TableEntity entity, int approximateSize)
    {
        var pending = new PendingInsert(entity, approximateSize, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        var channel = partitions.GetOrAdd(entity.PartitionKey, Start);
        if (!channel.Writer.TryWrite(pending))
        {
            pending.Outcome.SetException(new InvalidOperationException("The inbox writer has stopped."));
        }

        return pending.Outcome.Task;
    }

    private Channel<PendingInsert> Start(string partition)
    {
        var channel = Channel.CreateUnbounded<PendingInsert>(new UnboundedChannelOptions { SingleReader = true });
        _ = Task.Run(() => WriteLoopAsync(channel.Reader));
        return channel;
    }

    private async Task WriteLoopAsync(ChannelReader<PendingInsert> reader)
    {
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var batch = Drain(reader);
            try
            {
                await WriteAsync(batch).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                foreach (var pending in batch)
                {
                    pending.Outcome.TrySetException(e);
                }
            }
        }
    }

    private static List<PendingInsert> Drain(ChannelReader<PendingInsert> reader)
    {
        var batch = new List<PendingInsert>();
        var bytes = 0;
        while (batch.Count < MaxBatchEntities && reader.TryPeek(out var next) && (batch.Count == 0 || bytes + next.Size <= MaxBatchBytes))
        {
            reader.TryRead(out _);
            batch.Add(next);
            bytes += next.Size;
        }

        return batch;
    }

    private async Task WriteAsync(List<PendingInsert> batch)
    {
        // The same row twice in one batch (a retry racing its original) would make the service reject the whole batch:
        // the copies wait for the first one's outcome instead.
        var unique = batch.GroupBy(p => p.Entity.RowKey, StringComparer.Ordinal).ToList();
        var client = await table(CancellationToken.None).ConfigureAwait(false);
        var remaining = unique.Select(g => g.First()).ToList();
        while (remaining.Count > 0)
        {
            remaining = await SubmitAsync(client, remaining).ConfigureAwait(false);
        }

        foreach (var group in unique)
        {
            var first = group.First().Outcome.Task;
            foreach (var copy in group.Skip(1))
            {
                _ = first.ContinueWith(t => copy.Outcome.TrySetResult(false), TaskContinuationOptions.OnlyOnRanToCompletion);
                _ = first.ContinueWith(t => copy.Outcome.TrySetException(t.Exception!.InnerExceptions), TaskContinuationOptions.OnlyOnFaulted);
            }
        }
    }

    /// <summary>Writes the batch; returns what is left to write after an entity that already existed was taken out.</summary>
    private static async Task<List<PendingInsert>> SubmitAsync(TableClient client, List<PendingInsert> batch)
    {
        if (batch.Count == 1)
        {
            try
            {
                await client.AddEntityAsync(batch[0].Entity).ConfigureAwait(false);
                batch[0].Outcome.TrySetResult(true);
            }
            catch (RequestFailedException e) when (e.IsLostRace())
            {
                batch[0].Outcome.TrySetResult(false);
            }

            return [];
        }

        try
        {
            await client.SubmitTransactionAsync(batch.Select(p => new TableTransactionAction(TableTransactionActionType.Add, p.Entity))).ConfigureAwait(false);
            foreach (var pending in batch)
            {
                pending.Outcome.TrySetResult(true);
            }

            return [];
        }
        catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex is { } index && index >= 0 && index < batch.Count && (e.Status == 409 || IsPermanent(e)))
        {
            // The service named the entity: it exists (409, a retry racing its original) or it is refused on its own account.
            if (e.Status == 409)
            {
                batch[index].Outcome.TrySetResult(false);
            }
            else
            {
                batch[index].Outcome.TrySetException(e);
            }

            return batch.Where((_, i) => i != index).ToList();
        }
        catch (Exception e) when ((e is RequestFailedException lost && lost.IsLostRace()) || (e is TableTransactionFailedException { Status: 409 }) || IsPermanent(e))
        {
            // Not said which entity is at fault: settle each on its own, so only the bad one fails.
            foreach (var pending in batch)
            {
                try
                {
                    await SubmitAsync(client, [pending]).ConfigureAwait(false);
                }
                catch (Exception single)
                {
                    pending.Outcome.TrySetException(single);
                }
            }

            return [];
        }
    }

    /// <summary>
    /// A refusal that retrying the same entity cannot cure: the client's own key and size checks, or a 4xx other than a lost
    /// race or throttling. Anything else (the service down, a timeout) fails the whole batch, and Shopify retries.
    /// </summary>
    private static bool IsPermanent(Exception e) => e switch
    {
        ArgumentException => true,
        Azure.RequestFailedException { Status: >= 400 and < 500 and not 408 and not 409 and not 412 and not 429 } => true,
        _ => false,
    };

    private sealed record PendingInsert(TableEntity Entity, int Size, TaskCompletionSource<bool> Outcome);
}
