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

            Passes++;
            try
            {
                await Task.Delay(options.Value.Interval, time, stoppingToken);
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
