using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>
/// The real index, but summary writes wait at a gate until the test opens it: a test can run an erasure exactly between a
/// runner's read of a workflow and its summary write, instead of hoping for that interleaving.
/// </summary>
internal sealed class GatedSequenceIndex(ISequenceIndex inner) : ISequenceIndex
{
    private readonly TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a summary write arrived at the gate.</summary>
    public Task Reached => reached.Task;

    public void Open() => opened.TrySetResult();

    public async Task UpsertAsync(SequenceSummary summary, CancellationToken cancellationToken)
    {
        await HoldAsync(cancellationToken);
        await inner.UpsertAsync(summary, cancellationToken);
    }

    public async Task<bool> TryUpdateAsync(SequenceSummary summary, CancellationToken cancellationToken)
    {
        await HoldAsync(cancellationToken);
        return await inner.TryUpdateAsync(summary, cancellationToken);
    }

    public Task<SequenceSummary?> GetAsync(string shop, string id, CancellationToken cancellationToken) => inner.GetAsync(shop, id, cancellationToken);

    public Task<SequencePage> ListAsync(string shop, RecoveryStatus? status, string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        inner.ListAsync(shop, status, continuationToken, pageSize, cancellationToken);

    public IAsyncEnumerable<string> ActiveIdsAsync(string shop, string? customerKey, CancellationToken cancellationToken) => inner.ActiveIdsAsync(shop, customerKey, cancellationToken);

    public IAsyncEnumerable<SequenceSummary> ForCustomerAsync(string shop, string customerKey, CancellationToken cancellationToken) => inner.ForCustomerAsync(shop, customerKey, cancellationToken);

    public Task DeleteAsync(string shop, string id, CancellationToken cancellationToken) => inner.DeleteAsync(shop, id, cancellationToken);

    private async Task HoldAsync(CancellationToken cancellationToken)
    {
        reached.TrySetResult();
        await opened.Task.WaitAsync(cancellationToken);
    }
}
