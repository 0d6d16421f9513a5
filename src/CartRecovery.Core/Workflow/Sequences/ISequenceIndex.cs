namespace CartRecovery.Core.Workflow.Sequences;

/// <summary>
/// The recoveries of each store, for the merchant API and for fan-out signals (a customer's opt-out, an uninstall).
/// Both hosts write it after each decision; it is a read model, the engines keep their own state.
/// </summary>
public interface ISequenceIndex
{
    Task UpsertAsync(SequenceSummary summary, CancellationToken cancellationToken);

    /// <summary>Writes the summary over its existing row only; false when there is none (never written, or erased).</summary>
    Task<bool> TryUpdateAsync(SequenceSummary summary, CancellationToken cancellationToken);

    Task<SequenceSummary?> GetAsync(string shop, string id, CancellationToken cancellationToken);

    /// <summary>A page of the store's recoveries, optionally of one status, ordered by id. A token that is not one this index returned throws <see cref="ArgumentException"/>.</summary>
    Task<SequencePage> ListAsync(string shop, RecoveryStatus? status, string? continuationToken, int pageSize, CancellationToken cancellationToken);

    /// <summary>Ids of the active recoveries of a store, or of one customer of it.</summary>
    IAsyncEnumerable<string> ActiveIdsAsync(string shop, string? customerKey, CancellationToken cancellationToken);

    /// <summary>Every recovery of one customer of a store, whatever its status (privacy export and erasure).</summary>
    IAsyncEnumerable<SequenceSummary> ForCustomerAsync(string shop, string customerKey, CancellationToken cancellationToken);

    Task DeleteAsync(string shop, string id, CancellationToken cancellationToken);
}
