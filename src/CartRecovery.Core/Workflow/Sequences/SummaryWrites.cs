namespace CartRecovery.Core.Workflow.Sequences;

/// <summary>
/// How an engine writes a recovery's summary when an erasure (<c>customers/redact</c>, <c>shop/redact</c>) may run at the same
/// time: a runner that read the workflow before the erasure must not put the erased summary (customer key, cart, steps) back.
/// </summary>
public static class SummaryWrites
{
    /// <summary>
    /// Saves <paramref name="summary"/> unless its recovery has been erased. An erasure deletes the engine's copy of the recovery
    /// first and its summary second, so an update of a row that still exists lands before that deletion and goes with it.
    /// Only a missing row is written afresh (the first summary, or one a crash never wrote, or an erased one), and then the
    /// engine is asked whether the recovery still exists: if the write came after the erasure deleted the summary, it also
    /// came after the erasure deleted the engine's copy, so <paramref name="recoveryExists"/> says no and the row goes again.
    /// </summary>
    public static async Task SaveUnlessErasedAsync(
        this ISequenceIndex index, SequenceSummary summary, Func<CancellationToken, Task<bool>> recoveryExists, CancellationToken cancellationToken)
    {
        if (await index.TryUpdateAsync(summary, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await index.UpsertAsync(summary, cancellationToken).ConfigureAwait(false);
        if (!await recoveryExists(cancellationToken).ConfigureAwait(false))
        {
            await index.DeleteAsync(summary.Shop, summary.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
