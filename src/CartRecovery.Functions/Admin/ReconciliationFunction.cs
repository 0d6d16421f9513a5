using CartRecovery.Core.Reconciliation;
using CartRecovery.Functions.Recovery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CartRecovery.Functions.Admin;

/// <summary>
/// Missed webhooks: the timer ticks every minute (a timer's schedule is fixed at build time) and each tick reconciles
/// only the shops whose last reconciliation is <c>Reconciliation:Interval</c> old, so the interval stays a setting; the
/// first tick after a deployment reconciles every shop without a watermark.
/// </summary>
public sealed class ReconciliationFunction(ShopReconciler reconciler, DurableClientHolder durable)
{
    [Function("ReconcileShops")]
    public async Task RunAsync([TimerTrigger("0 * * * * *", RunOnStartup = true)] TimerInfo timer, [DurableClient] DurableTaskClient client, FunctionContext context)
    {
        durable.Use(client);
        await reconciler.RunAsync(dueOnly: true, context.CancellationToken);
    }
}
