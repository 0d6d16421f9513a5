using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;

namespace CartRecovery.Core.Tests.Fakes;

/// <summary>
/// A test <see cref="ISequenceIndex"/> (the Table Storage one is tested on Azurite). Pages continue after the last id
/// returned, as the service's continuation does, so deleting while paging skips nothing.
/// </summary>
public sealed class InMemorySequenceIndex : ISequenceIndex
{
    private readonly ConcurrentDictionary<(string Shop, string Id), SequenceSummary> rows = new();

    public Task UpsertAsync(SequenceSummary summary, CancellationToken cancellationToken)
    {
        rows[(summary.Shop, summary.Id)] = summary;
        return Task.CompletedTask;
    }

    public Task<bool> TryUpdateAsync(SequenceSummary summary, CancellationToken cancellationToken) =>
        Task.FromResult(rows.TryGetValue((summary.Shop, summary.Id), out var current) && rows.TryUpdate((summary.Shop, summary.Id), summary, current));

    public Task<SequenceSummary?> GetAsync(string shop, string id, CancellationToken cancellationToken) =>
        Task.FromResult(rows.GetValueOrDefault((shop, id)));

    public Task<SequencePage> ListAsync(string shop, RecoveryStatus? status, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var matching = Of(shop).Where(s => status is null || s.Status == status).Where(s => continuationToken is null || string.CompareOrdinal(s.Id, continuationToken) > 0).ToList();
        var page = matching.Take(pageSize).ToList();
        return Task.FromResult(new SequencePage(page, matching.Count > pageSize ? page[^1].Id : null));
    }

    public async IAsyncEnumerable<string> ActiveIdsAsync(string shop, string? customerKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var summary in Of(shop).Where(s => s.Status == RecoveryStatus.Active && (customerKey is null || s.CustomerKey == customerKey)))
        {
            await Task.Yield();
            yield return summary.Id;
        }
    }

    public async IAsyncEnumerable<SequenceSummary> ForCustomerAsync(string shop, string customerKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var summary in Of(shop).Where(s => s.CustomerKey == customerKey))
        {
            await Task.Yield();
            yield return summary;
        }
    }

    public Task DeleteAsync(string shop, string id, CancellationToken cancellationToken)
    {
        rows.TryRemove((shop, id), out _);
        return Task.CompletedTask;
    }

    private IEnumerable<SequenceSummary> Of(string shop) => rows.Values.Where(s => s.Shop == shop).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
}
