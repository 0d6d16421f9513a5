using CartRecovery.Core.Carts;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Telemetry;
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
    TableWorkflows store,
    TableTimers timers,
    TimerQueue queue,
    IShopRepository shops,
    ISequenceIndex index,
    IOptions<RecoveryOptions> options,
    IOptions<RunnerOptions> runnerOptions,
    TimeProvider time) : IRecoveryWorkflows
{
    public async Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken)
    {
        // Optimistic: most starts are for new carts, so create first and read only when the cart already had a recovery.
        var id = WorkflowId.For(abandoned.Shop, abandoned.CartKey).Value;
        var settings = (await shops.GetAsync(abandoned.Shop, cancellationToken)).Recovery;
        if (await TryStartAsync(id, null, abandoned, abandonedAt, settings, cancellationToken))
        {
            return;
        }

        var existing = await store.ReadAsync(id, cancellationToken);
        if (existing is not null && existing.State.Status != RecoveryStatus.Active)
        {
            await TryStartAsync(id, existing, abandoned, abandonedAt, settings, cancellationToken); // a lost race leaves the winner's start
        }
    }

    private async Task<bool> TryStartAsync(string id, StoredWorkflow? existing, CartSnapshot cart, DateTimeOffset abandonedAt, RecoverySettings settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = RecoveryDecider.Decide(existing?.State ?? RecoveryState.New(id), new RecoveryStarted(now, cart, abandonedAt, settings, options.Value.TimeScale)).State;
        var wake = state.InFlight is not null ? now : state.WakeAt;

        // The timer row first: a crash after it leaves a harmless extra wake-up, never a workflow nobody wakes.
        var timer = wake is { } due ? await timers.AddAsync(id, due, cancellationToken) : null;
        var saved = existing is null
            ? await store.TryCreateAsync(state, cancellationToken)
            : await store.TrySaveAsync(state, existing.ETag, existing.Chunks, null, null, [], cancellationToken) is not null;
        if (!saved)
        {
            return false;
        }

        CartRecoveryMetrics.RecoveryTransition(existing?.State ?? RecoveryState.New(id), state);
        await index.UpsertAsync(SequenceSummary.From(state), cancellationToken);
        if (timer is not null && timer.Due <= now + runnerOptions.Value.Lookahead)
        {
            queue.Add(timer); // later ones are loaded by the poll when they come near, so memory stays flat
        }

        return true;
    }

    public async Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken)
    {
        var existing = await store.ReadAsync(id.Value, cancellationToken);
        if (existing is null || (existing.State.IsEnded && signal is not MerchantRestart))
        {
            return;
        }

        // The signal first, then its wake-up, so a runner woken by it always finds it. A crash between the two leaves the
        // signal for the workflow's next timer, which every active workflow has (its next step or its expiry).
        var now = time.GetUtcNow();
        await store.AddSignalAsync(id.Value, signal, now, cancellationToken);
        queue.Add(await timers.AddAsync(id.Value, now, cancellationToken));
    }

    public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken) =>
        this.SignalAllAsync(index, shop, customerKey, signal, cancellationToken);

    public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken) =>
        this.SignalAllAsync(index, shop, null, signal, cancellationToken);
}
