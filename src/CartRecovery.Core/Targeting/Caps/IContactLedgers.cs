namespace CartRecovery.Core.Targeting.Caps;

/// <summary>
/// Each customer's recent recovery messages, per shop, for the frequency caps. A write is conditional on the version read
/// (insert-if-absent for a new customer, ETag otherwise), so two recoveries of one shopper deciding at once cannot both
/// reserve: the loser re-reads and sees the winner's message. <paramref name="customer"/> is a customer key, never stored plain.
/// </summary>
public interface IContactLedgers
{
    Task<ContactLedger> ReadAsync(string shop, string customer, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="entries"/> if the ledger is still at <paramref name="read"/>'s version; false when somebody wrote first.</summary>
    Task<bool> TryWriteAsync(string shop, string customer, ContactLedger read, IReadOnlyList<ContactEntry> entries, CancellationToken cancellationToken);
}
