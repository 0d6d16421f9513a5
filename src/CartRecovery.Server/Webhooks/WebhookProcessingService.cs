using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Webhooks;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Webhooks;

/// <summary>
/// Processes the durable inbox: one worker per partition, woken the moment a delivery is recorded there and, as a safety
/// net, every <see cref="WebhookOptions.SweepInterval"/> (deliveries left by a crash or a failed attempt). On start every
/// partition is swept, so whatever was acknowledged before a restart is processed after it.
/// </summary>
public sealed partial class WebhookProcessingService(
    IServiceProvider services,
    InboxSignal signal,
    IOptions<WebhookOptions> options,
    ILogger<WebhookProcessingService> logger) : BackgroundService
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);

    private SemaphoreSlim? slots;

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ProcessingConcurrency <= 0)
        {
            LogIngestOnly(logger);
            return Task.CompletedTask;
        }

        slots = new SemaphoreSlim(options.Value.ProcessingConcurrency);
        return Task.WhenAll(InboxPartitions.All(options.Value.Partitions).Select(p => Task.Run(() => RunPartitionAsync(p, stoppingToken), stoppingToken)));
    }

    private async Task RunPartitionAsync(string partition, CancellationToken stoppingToken)
    {
        var worker = services.GetRequiredService<WebhookInboxWorker>();
        var queue = services.GetRequiredService<WebhookInboxQueue>();
        var lastPurge = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int completed;
                await slots!.WaitAsync(stoppingToken);
                try
                {
                    completed = await worker.RunPassAsync(partition, stoppingToken);
                }
                finally
                {
                    slots.Release();
                }

                if (DateTime.UtcNow - lastPurge > PurgeEvery)
                {
                    await queue.PurgeExpiredAsync(partition, stoppingToken);
                    lastPurge = DateTime.UtcNow;
                }

                if (completed > 0)
                {
                    continue; // more may have arrived while this pass ran
                }

                await signal.WaitAsync(partition, options.Value.SweepInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPassFailed(logger, e, partition);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhooks:ProcessingConcurrency is 0: this node records deliveries and leaves processing to another node")]
    private static partial void LogIngestOnly(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Inbox partition {Partition} could not be read; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception, string partition);
}
