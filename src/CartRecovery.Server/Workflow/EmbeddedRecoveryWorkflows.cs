using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// <see cref="IRecoveryWorkflows"/> on the embedded runner. A start writes the decided first state (and its timer) directly;
/// a signal goes to the workflow's inbox with a timer row due now, so whichever runner holds the workflow applies it once.
/// A signal for an unknown or ended workflow is dropped, except a merchant restart, which revives an ended one.
/// </summary>
internal sealed class EmbeddedRecoveryWorkflows(
    WorkflowStore store,
    TimerQueue queue,
    IStoreSettings storeSettings,
    ISequenceIndex index,
    IOptions<RecoveryOptions> options,
    TimeProvider time) : IRecoveryWorkflows
{
    public async Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken)
    {
        var id = WorkflowId.For(abandoned.Shop, abandoned.CartKey).Value;
        var existing = await store.ReadAsync(id, cancellationToken);
        if (existing?.State.Status == RecoveryStatus.Active)
        {
            return;
        }

        var settings = await storeSettings.GetAsync(abandoned.Shop, cancellationToken);
        var now = time.GetUtcNow();
        var state = RecoveryDecider.Decide(existing?.State ?? RecoveryState.New(id), new RecoveryStarted(now, abandoned, abandonedAt, settings, options.Value.TimeScale)).State;
        var wake = state.InFlight is not null ? now : state.WakeAt;
        var timerKey = wake is { } due ? await store.AddTimerAsync(id, due, cancellationToken) : null;
        var saved = existing is null
            ? await store.TryCreateAsync(state, cancellationToken)
            : await store.TrySaveAsync(state, existing.ETag, null, null, [], cancellationToken) is not null;
        if (!saved)
        {
            return; // a concurrent start won; its timer and ours both lead to the same workflow
        }

        await index.UpsertAsync(SequenceSummary.From(state), cancellationToken);
        if (timerKey is not null)
        {
            queue.Add(timerKey, id, wake!.Value);
        }
    }

    public async Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken)
    {
        var existing = await store.ReadAsync(id.Value, cancellationToken);
        if (existing is null || (existing.State.IsEnded && signal is not MerchantRestart))
        {
            return;
        }

        var now = time.GetUtcNow();
        var timerKey = await store.AddTimerAsync(id.Value, now, cancellationToken); // the wake-up first: an inbox row never waits unseen
        await store.AddSignalAsync(id.Value, signal, now, cancellationToken);
        queue.Add(timerKey, id.Value, now);
    }

    public async Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken)
    {
        await foreach (var id in index.ActiveIdsAsync(shop, customerKey, cancellationToken))
        {
            await SignalAsync(new WorkflowId(id), signal, cancellationToken);
        }
    }

    public async Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken)
    {
        await foreach (var id in index.ActiveIdsAsync(shop, null, cancellationToken))
        {
            await SignalAsync(new WorkflowId(id), signal, cancellationToken);
        }
    }
}
