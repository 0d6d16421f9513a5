namespace CartRecovery.Core.Messaging;

/// <summary>
/// Popup steps waiting for their shopper to come back to the store. A popup step's "send" stores it as pending (keyed by
/// store and cart token); the storefront popup endpoint asks here when a visitor with that cart cookie returns, and composes
/// the popup then, so it is in the visitor's language with fresh signed links.
/// </summary>
public interface IPopupMessages
{
    /// <summary>The pending popup of the cart, or null when none is pending (none sent, already clicked, or erased).</summary>
    Task<PendingPopup?> FindPendingAsync(string shop, string cartToken, CancellationToken cancellationToken);
}
