using System.Collections.Concurrent;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// The embedded durable runner: polls the timer table for rows due within the look-ahead, keeps them in a min-heap, and
/// processes each workflow when its row falls due (or at once for local starts and signals), at most
/// <see cref="RunnerOptions.MaxConcurrency"/> at a time and never the same workflow twice at once in this process;
/// across processes the lease decides. A row is deleted only after the workflow was saved, so a crash means a repeat, never a loss.
/// </summary>
internal sealed partial class EmbeddedRecoveryRunner(
    IServiceProvider services,
    TableTimers timers,
    TimerQueue queue,
    IOptions<RunnerOptions> runnerOptions,
    IOptions<RecoveryOptions> recoveryOptions,
    TimeProvider time,
    ILogger<EmbeddedRecoveryRunner> logger) : BackgroundService
{
    private static readonly TimeSpan StorageRetry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan DrainedTablesSweep = TimeSpan.FromMinutes(1);
    private readonly RunnerOptions options = runnerOptions.Value;
    private readonly ConcurrentDictionary<string, byte> running = new(StringComparer.Ordinal);
    private readonly FiredTimerRows fired = new();
    private WorkflowProcessor? processor;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IStepExecutor>() is null)
        {
            throw new InvalidOperationException(
                "No IStepExecutor is registered, so the recovery runner could not send anything. Register the step executor " +
                "(compose, consent, send, record) from the messaging module before starting the server.");
        }

        processor = services.GetRequiredService<WorkflowProcessor>();
        logger.LogInformation("Recovery runner {RunnerId} starting (time scale {TimeScale})", options.EffectiveId, recoveryOptions.Value.TimeScale);
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PollAsync(stoppingToken), DispatchAsync(stoppingToken), DeleteFiredAsync(stoppingToken));

    private async Task DeleteFiredAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await fired.WaitAsync().WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var rows = fired.TakeAll();
            try
            {
                await timers.DeleteAsync(rows, stoppingToken);
                foreach (var row in rows)
                {
                    queue.Forget(row);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // the rows stay and wake their workflows once more after a restart, which then find nothing to do
            }
            catch (Exception e)
            {
                LogDeleteFiredFailed(logger, e, rows.Count);
                foreach (var row in rows)
                {
                    fired.Add(row);
                }

                await Delay(StorageRetry, stoppingToken);
            }
        }
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var nextSweep = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            try
            {
                // With a backlog in memory a poll would only fetch rows already queued again; skip it until the backlog drains.
                if (queue.CountDueBy(now + options.Lookahead) < options.MaxConcurrency * 2)
                {
                    foreach (var row in await timers.DueAsync(now + options.Lookahead, options.MaxTimersPerPoll, stoppingToken))
                    {
                        queue.Add(row);
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(logger, e);
            }

            if (now >= nextSweep)
            {
                nextSweep = now + DrainedTablesSweep;
                try
                {
                    await timers.DropDrainedAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogDropDrainedFailed(logger, e);
                }
            }

            await Delay(options.PollInterval, stoppingToken);
        }
    }

    private async Task DispatchAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.MaxConcurrency);
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = queue.WaitAsync();
            var now = time.GetUtcNow();
            if (queue.TryTakeDue(now, out var timer, out var nextDue))
            {
                if (!running.TryAdd(timer.WorkflowId, 0))
                {
                    queue.Retry(timer, now + TimeSpan.FromMilliseconds(50));
                    continue;
                }

                await slots.WaitAsync(stoppingToken);
                _ = Task.Run(() => ProcessAsync(timer, slots, stoppingToken), CancellationToken.None);
                continue;
            }

            var wait = nextDue is { } due && due - now < options.PollInterval ? due - now : options.PollInterval;
            await Task.WhenAny(changed, Delay(wait, stoppingToken));
        }
    }

    private async Task ProcessAsync(TimerRow timer, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var id = timer.WorkflowId;
        try
        {
            var result = await processor!.ProcessAsync(id, stoppingToken);
            if (result.Busy)
            {
                queue.Retry(timer, result.RetryAt!.Value);
                return;
            }

            // The row goes only now that the workflow is saved, unless it is still the workflow's next wake-up; it stays known
            // to the queue until deleted, so a poll meanwhile does not queue it again.
            if (result.NextWake != timer.Due)
            {
                fired.Add(timer);
            }
            else
            {
                queue.Forget(timer);
            }

            if (result.WrittenTimer is { } next && next.Due <= time.GetUtcNow() + options.Lookahead)
            {
                queue.Add(next);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease lapses and whoever runs next resumes from the saved state.
        }
        catch (Exception e)
        {
            LogProcessingFailed(logger, e, id);
            queue.Retry(timer, time.GetUtcNow() + StorageRetry);
        }
        finally
        {
            running.TryRemove(id, out _);
            slots.Release();
        }
    }

    private async Task Delay(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting {Count} fired timer rows failed; retrying")]
    private static partial void LogDeleteFiredFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading due timers failed; retrying at the next poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping drained timer tables failed; retrying at the next sweep")]
    private static partial void LogDropDrainedFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Processing workflow {WorkflowId} failed; retrying")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception, string workflowId);
}
