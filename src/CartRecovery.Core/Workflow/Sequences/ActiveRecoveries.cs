namespace CartRecovery.Core.Workflow.Sequences;

/// <summary>Signals every active recovery of a store, or of one customer of it, whatever engine runs them.</summary>
public static class ActiveRecoveries
{
    public static async Task SignalAllAsync(this IRecoveryWorkflows workflows, ISequenceIndex index, string shop, string? customerKey, RecoverySignal signal, CancellationToken cancellationToken)
    {
        await foreach (var id in index.ActiveIdsAsync(shop, customerKey, cancellationToken))
        {
            await workflows.SignalAsync(new WorkflowId(id), signal, cancellationToken);
        }
    }
}
