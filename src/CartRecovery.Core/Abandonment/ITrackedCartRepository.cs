using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Abandonment;

/// <summary>
/// Where tracked carts and checkouts live, with the due index entry each one owns. Writes are conditional on the version read.
/// </summary>
public interface ITrackedCartRepository
{
    /// <summary>The stored state, or an empty cart (<see cref="LoadedCart.Exists"/> false) when there is none.</summary>
    Task<LoadedCart> LoadAsync(string shop, CartKind kind, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="next"/> over <paramref name="loaded"/> if nobody changed it since it was read, pointing at a due
    /// entry for <paramref name="dueAt"/> (none when null); returns the new version, or null when somebody changed it first.
    /// A crash at any point never leaves a cart due without an entry (the entry is written before the row).
    /// </summary>
    Task<string?> TryWriteAsync(LoadedCart loaded, TrackedCart next, DateTimeOffset? dueAt, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the stored version of the cart final before a due entry that does not match it is dropped: a row that still has
    /// <paramref name="loaded"/>'s version gets a new one (an empty row is created where there was none), so any write that
    /// read the old version fails and, retried, writes its entry again. False when the row changed since it was read.
    /// </summary>
    Task<bool> FenceAsync(LoadedCart loaded, CancellationToken cancellationToken);

    /// <summary>Resolves the token of a checkout from its numeric id (as <c>checkouts/delete</c> names it).</summary>
    Task<string?> CheckoutTokenByIdAsync(string shop, long checkoutId, CancellationToken cancellationToken);

    /// <summary>Every checkout recorded for one shopper (by customer id, else email) of a shop.</summary>
    Task<IReadOnlyList<LoadedCart>> CheckoutsOfCustomerAsync(string shop, string customerKey, CancellationToken cancellationToken);

    /// <summary>Records an order and the cart and checkout it names (an export and an erasure find it by its customer).</summary>
    Task RecordOrderAsync(string shop, OrderPlaced order, string? checkoutToken, string? cartToken, long? customerId, string? email, string? phone, CancellationToken cancellationToken);

    /// <summary>Deletes the orders named by <c>customers/redact</c>'s <c>orders_to_redact</c>.</summary>
    Task EraseOrdersAsync(string shop, IEnumerable<long> orderIds, CancellationToken cancellationToken);
}
