using CartRecovery.Core.Carts;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// <see cref="IRecoveryWorkflows"/> on Durable Functions: the instance id is <see cref="WorkflowId.For"/>, so one cart has one
/// orchestration. A start writes the recovery's first summary, then schedules the instance; a start for a running instance
/// does nothing; a signal to a running instance is raised as its one external event; a merchant restart of an ended instance
/// schedules it again from its final state.
/// </summary>
public sealed class DurableRecoveryWorkflows(
    DurableClientHolder holder,
    IShopRepository shops,
    ISequenceIndex index,
    IOptions<RecoveryOptions> options,
    TimeProvider time) : IRecoveryWorkflows
{
    public async Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken)
    {
        var id = WorkflowId.For(abandoned.Shop, abandoned.CartKey).Value;
        var existing = await holder.Client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (IsRunning(existing))
        {
            return;
        }

        var settings = (await shops.GetAsync(abandoned.Shop, cancellationToken)).Recovery;
        var prior = EndedState(existing) ?? RecoveryState.New(id);
        var start = new RecoveryStarted(time.GetUtcNow(), abandoned, abandonedAt, settings, options.Value.TimeScale);

        // The summary first, as the embedded engine writes it with the start: an opt-out or uninstall right after the start
        // finds the recovery through the index, before the orchestration's first turn writes its own summary.
        await index.UpsertAsync(SequenceSummary.From(RecoveryDecider.Decide(prior, start).State), cancellationToken);
        await ScheduleAsync(id, new RecoveryOrchestrationInput(prior, start, null, StepRetryPolicy.From(options.Value)), cancellationToken);
    }

    public async Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken)
    {
        var existing = await holder.Client.GetInstanceAsync(id.Value, getInputsAndOutputs: signal is MerchantRestart, cancellationToken);
        if (existing is null)
        {
            return;
        }

        if (IsRunning(existing))
        {
            await holder.Client.RaiseEventAsync(id.Value, RecoveryOrchestration.SignalEvent, new SignalEnvelope(signal), cancellationToken);
            return;
        }

        if (signal is MerchantRestart restart && EndedState(existing) is { } ended && RecoveryDecider.CanRestart(ended))
        {
            await ScheduleAsync(id.Value, new RecoveryOrchestrationInput(ended, null, restart, StepRetryPolicy.From(options.Value)), cancellationToken);
        }
    }

    public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken) =>
        this.SignalAllAsync(index, shop, customerKey, signal, cancellationToken);

    public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken) =>
        this.SignalAllAsync(index, shop, null, signal, cancellationToken);

    private async Task ScheduleAsync(string id, RecoveryOrchestrationInput input, CancellationToken cancellationToken)
    {
        try
        {
            await holder.Client.ScheduleNewOrchestrationInstanceAsync(RecoveryOrchestration.Name, input, new StartOrchestrationOptions(id), cancellationToken);
        }
        catch (Exception)
        {
            // Two starts raced and the other one won: the cart has its one orchestration, which is all a start promises.
            if (!IsRunning(await holder.Client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken)))
            {
                throw;
            }
        }
    }

    /// <summary>
    /// The final state of an instance that completed. A terminated instance's output is the termination's reason (an erasure
    /// writes "erased") and a failed one has none: neither is a recovery state, so both count as "no prior state".
    /// </summary>
    private static RecoveryState? EndedState(OrchestrationMetadata? instance) =>
        instance is { RuntimeStatus: OrchestrationRuntimeStatus.Completed } ? instance.ReadOutputAs<RecoveryState>() : null;

    // Running means "not ended": anything but a terminal status. That covers the transient ContinuedAsNew without naming it,
    // because the SDK marks that member [Obsolete] (an error under TreatWarningsAsErrors).
    public static bool IsRunning(OrchestrationMetadata? instance) => instance is not null && instance.RuntimeStatus is not
        (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated);
}
