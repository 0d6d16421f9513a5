using CartRecovery.Core.Abandonment;
using CartRecovery.Storage.Abandonment;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Webhooks;

/// <summary>
/// Wakes exactly when the next cart becomes abandoned (the earliest entry of the due index), or sooner when this process
/// indexes an earlier one, or after <see cref="AbandonmentOptions.MaxIdlePoll"/> at the latest (another node may have).
/// Sleeping on the injected <see cref="TimeProvider"/> makes the timing testable with a manual clock; sweeping on start
/// makes it restart-safe: whatever fell due while the process was down is handled at once.
/// </summary>
public sealed partial class AbandonmentScheduler(
    IServiceProvider services,
    AbandonmentWakeup wakeup,
    TimeProvider time,
    IOptions<AbandonmentOptions> options,
    ILogger<AbandonmentScheduler> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>When the scheduler plans to look next (for diagnostics and tests).</summary>
    public DateTimeOffset? NextWakeAt { get; private set; }

    /// <summary>How many sweeps have completed (for diagnostics and tests).</summary>
    public long Sweeps { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var sweeper = services.GetRequiredService<AbandonmentSweeper>();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            wakeup.Planned(DateTimeOffset.MaxValue); // an entry indexed while this sweep runs wakes the next sleep at once
            DateTimeOffset? next;
            try
            {
                next = await sweeper.RunOnceAsync(now, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogSweepFailed(logger, e);
                next = now + RetryDelay;
            }

            Sweeps++;
            await SleepUntilAsync(next, stoppingToken);
        }
    }

    private async Task SleepUntilAsync(DateTimeOffset? next, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var wakeAt = next is { } due ? (due <= now ? now + RetryDelay : due) : now + options.Value.MaxIdlePoll;
        if (wakeAt - now > options.Value.MaxIdlePoll)
        {
            wakeAt = now + options.Value.MaxIdlePoll;
        }

        using var sleep = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wakeup.Planned(wakeAt);
        var timer = Task.Delay(wakeAt - now, time, sleep.Token);
        NextWakeAt = wakeAt; // published once the timer exists, so whoever reads it can rely on the wake-up
        var woken = wakeup.WaitAsync(sleep.Token);
        await Task.WhenAny(timer, woken);
        await sleep.CancelAsync();
        await Task.WhenAll(timer, woken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Abandonment sweep failed; retrying shortly")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
