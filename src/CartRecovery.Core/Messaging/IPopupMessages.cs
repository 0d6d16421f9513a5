namespace CartRecovery.Core.Messaging;

/// <summary>
/// Popup steps waiting for their shopper to come back to the store. A popup step's "send" stores it as pending (keyed by
/// store and cart token); the storefront popup endpoint asks here when a visitor with that cart cookie returns.
/// </summary>
public interface IPopupMessages
{
    /// <summary>The pending popup of the cart, or null when none is pending (none sent, or the workflow has ended).</summary>
    Task<PendingPopup?> FindPendingAsync(string shop, string cartToken, CancellationToken cancellationToken);
}

/// <summary>A pending popup: the id it was recorded under (events and links are signed for it) and the step it came from.</summary>
public sealed record PendingPopup(string MessageId, StepRequest Step);
