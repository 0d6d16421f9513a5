using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Abandonment;

/// <summary>
/// Turns due entries into recoveries. For each entry due now: re-check the cart (the entry is only a hint), mark it started
/// with its version (a racing update wins and is re-evaluated), start the workflow (idempotent), send what changed since the
/// decision, then drop the entry. The entry is the commit point: a crash anywhere before its removal redoes the start,
/// which the engine ignores for a running workflow, so a restart loses no abandonment and starts none twice. An entry that
/// does not match its cart is dropped only after the cart row is fenced (<see cref="ITrackedCartRepository.FenceAsync"/>) and
/// only if nobody rewrote it since it was listed, so a sweep between a writer's entry and its row loses nothing.
/// </summary>
public sealed partial class AbandonmentSweeper(
    IAbandonmentDueIndex due,
    TrackedCarts carts,
    IShopRepository shops,
    IRecoveryWorkflows workflows,
    ILogger<AbandonmentSweeper> logger)
{
    private const int BatchSize = 200;

    /// <summary>Handles everything due at <paramref name="now"/>; returns the next due time still in the index, if any.</summary>
    public async Task<DateTimeOffset?> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entries = await due.DueAsync(now, BatchSize, cancellationToken).ConfigureAwait(false);
            var failed = false;
            foreach (var entry in entries)
            {
                try
                {
                    await HandleAsync(entry, now, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed = true;
                    LogFailed(logger, e, entry.Shop, WorkflowId.For(entry.Shop, entry.Key).Value);
                }
            }

            if (failed)
            {
                return now; // what failed is still due: retried on the next pass, without spinning on it here
            }

            if (entries.Count < BatchSize)
            {
                return await due.NextDueAtAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task HandleAsync(DueEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!(await shops.GetAsync(entry.Shop, cancellationToken).ConfigureAwait(false)).Install.IsActive)
        {
            await due.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
            return;
        }

        var loaded = await carts.LoadAsync(entry.Shop, entry.Kind, entry.Key, cancellationToken).ConfigureAwait(false);
        if (loaded.Cart.HasWorkflow && loaded.Cart.Snapshot is { } startedSnapshot)
        {
            // Marked started but the entry survived: the previous attempt stopped before handing over. Hand over again.
            await workflows.StartAsync(startedSnapshot, entry.DueAt, cancellationToken).ConfigureAwait(false);
            await due.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!loaded.Exists || loaded.DueAt != entry.DueAt)
        {
            // Stale, or a write in flight: writers index the entry before they write the row. Fencing the row first makes
            // such a write fail and, retried, index its entry again (a new version, which the conditional removal leaves).
            if (await carts.Store.FenceAsync(loaded, cancellationToken).ConfigureAwait(false))
            {
                await due.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
            }

            return; // not fenced: the row changed meanwhile, and the entry is judged again on the next pass
        }

        var threshold = await carts.ThresholdAsync(entry.Shop, cancellationToken).ConfigureAwait(false);
        var decision = AbandonmentRules.Decide(loaded.Cart, threshold, now);
        switch (decision.Verdict)
        {
            case AbandonmentVerdict.Abandoned:
                await StartAsync(entry, loaded, decision.DueAt!.Value, now, cancellationToken).ConfigureAwait(false);
                break;
            case AbandonmentVerdict.NotYet:
                // The store's threshold grew since the entry was written: rewriting the cart moves its entry.
                await carts.TryWriteAsync(loaded, loaded.Cart, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await due.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task StartAsync(DueEntry entry, LoadedCart loaded, DateTimeOffset abandonedAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var started = CartTransitions.MarkStarted(loaded.Cart, now);
        if (await carts.TryWriteAsync(loaded with { DueAt = null }, started, cancellationToken).ConfigureAwait(false) is null)
        {
            return; // an update got in first; the entry stays and the cart is judged again on the next pass
        }

        await workflows.StartAsync(started.Snapshot!, abandonedAt, cancellationToken).ConfigureAwait(false);
        LogStarted(logger, entry.Shop, WorkflowId.For(entry.Shop, entry.Key).Value, entry.Kind.ToString());

        var latest = await carts.LoadAsync(entry.Shop, entry.Kind, entry.Key, cancellationToken).ConfigureAwait(false);
        foreach (var signal in AbandonmentRules.CatchUp(started, latest.Cart, now))
        {
            await workflows.SignalAsync(WorkflowId.For(entry.Shop, entry.Key), signal, cancellationToken).ConfigureAwait(false);
        }

        await due.RemoveAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Abandoned {Kind} of {Shop} handed to recovery workflow {WorkflowId}")]
    private static partial void LogStarted(ILogger logger, string shop, string workflowId, string kind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Abandonment of workflow {WorkflowId} ({Shop}) failed; retried on the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception, string shop, string workflowId);
}
