using CartRecovery.Core.Reconciliation;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Admin;

/// <summary>
/// Reconciles every installed shop on start and then every <see cref="ReconciliationOptions.Interval"/>, on the injected
/// <see cref="TimeProvider"/> (a manual clock in tests). Only shops due are read, so a restart shortly after a run does
/// not read them all again; their watermarks are durable.
/// </summary>
public sealed partial class ReconciliationService(
    ShopReconciler reconciler,
    TimeProvider time,
    IOptions<ReconciliationOptions> options,
    ILogger<ReconciliationService> logger) : BackgroundService
{
    /// <summary>How many passes have completed (for diagnostics and tests).</summary>
    public long Passes { get; private set; }

    /// <summary>When the next pass runs (for diagnostics and tests).</summary>
    public DateTimeOffset? NextPassAt { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await reconciler.RunAsync(dueOnly: true, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPassFailed(logger, e); // e.g. storage unreachable: the next pass tries again
            }

            var next = time.GetUtcNow() + options.Value.Interval;
            var sleep = Task.Delay(options.Value.Interval, time, stoppingToken);
            NextPassAt = next; // published once the timer exists, so whoever advances a clock after reading it wakes the pass
            Passes++;
            try
            {
                await sleep;
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reconciliation pass failed; retried after the interval")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
