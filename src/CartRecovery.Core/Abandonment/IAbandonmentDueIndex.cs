namespace CartRecovery.Core.Abandonment;

/// <summary>Carts ordered by the moment they become abandoned, so the sweeper finds what is due and knows when to look next.</summary>
public interface IAbandonmentDueIndex
{
    /// <summary>Indexes (or rewrites, giving it a new version) the entry, and wakes the sweeper when it is earlier than it planned to look.</summary>
    Task AddAsync(DueEntry entry, CancellationToken cancellationToken);

    /// <summary>Entries due at or before <paramref name="now"/>, earliest first, each with its version.</summary>
    Task<IReadOnlyList<DueEntry>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>The earliest due time in the index, or null when it is empty.</summary>
    Task<DateTimeOffset?> NextDueAtAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Removes the entry; when it carries a <see cref="DueEntry.Version"/>, only if it was not rewritten since. False when it
    /// was rewritten (it stays); true when it is gone.
    /// </summary>
    Task<bool> RemoveAsync(DueEntry entry, CancellationToken cancellationToken);

    Task RemoveShopAsync(string shop, CancellationToken cancellationToken);
}
