using CartRecovery.Core.Abandonment;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>
/// The real due index as a cart writer sees it, with <see cref="AfterAdd"/> run right after an entry is indexed, while the
/// writer has not yet written the cart row: the moment the entry wakes the sweeper in production.
/// </summary>
internal sealed class InterleavedDueIndex(IAbandonmentDueIndex inner) : IAbandonmentDueIndex
{
    public Func<DueEntry, Task>? AfterAdd { get; set; }

    public async Task AddAsync(DueEntry entry, CancellationToken cancellationToken)
    {
        await inner.AddAsync(entry, cancellationToken);
        if (AfterAdd is { } then)
        {
            AfterAdd = null; // once: a retry of the write runs without interference
            await then(entry);
        }
    }

    public Task<IReadOnlyList<DueEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken) => inner.DueAsync(now, max, cancellationToken);

    public Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken) => inner.NextDueAtAsync(cancellationToken);

    public Task<bool> RemoveAsync(DueEntry entry, CancellationToken cancellationToken) => inner.RemoveAsync(entry, cancellationToken);

    public Task RemoveShopAsync(string shop, CancellationToken cancellationToken) => inner.RemoveShopAsync(shop, cancellationToken);
}
