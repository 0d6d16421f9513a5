using CartRecovery.Core.Webhooks;
using CartRecovery.Functions.Recovery;
using CartRecovery.Core.Abandonment;
using CartRecovery.Storage.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CartRecovery.Functions.Webhooks;

/// <summary>
/// The Functions host's counterpart of the server's background services: timer triggers that process the durable inbox
/// and hand abandoned carts to Durable Functions, with the same worker and sweeper classes. Both are safe to overlap
/// (completion is idempotent, starts are idempotent), and both resume from storage, so an instance recycle loses nothing.
/// </summary>
public sealed class WebhookProcessingFunctions(IServiceProvider services, DurableClientHolder durable, IOptions<WebhookOptions> options, TimeProvider time)
{
    [Function("ProcessWebhookInbox")]
    public async Task ProcessInboxAsync([TimerTrigger("*/5 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        durable.Use(client);
        var worker = services.GetRequiredService<WebhookInboxWorker>();
        foreach (var partition in InboxPartitions.All(options.Value.Partitions))
        {
            while (await worker.RunPassAsync(partition, context.CancellationToken) > 0)
            {
                // keep going while the partition has work; the next tick picks up whatever arrives later
            }
        }
    }

    [Function("DetectAbandonment")]
    public async Task DetectAbandonmentAsync([TimerTrigger("*/5 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        durable.Use(client);
        await services.GetRequiredService<AbandonmentSweeper>().RunOnceAsync(time.GetUtcNow(), context.CancellationToken);
    }
}
