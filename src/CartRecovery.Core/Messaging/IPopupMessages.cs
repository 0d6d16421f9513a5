namespace CartRecovery.Core.Messaging;

/// <summary>
/// The popup channel's mailbox: a popup step records its message as pending display, and the storefront script asks for it
/// with the visitor's cart token. Shown/dismissed/clicked are reported through <see cref="IMessageEvents"/>.
/// </summary>
public interface IPopupMessages
{
    /// <summary>The newest popup message of the cart that is pending or has been shown (the caller applies the frequency cap), or null.</summary>
    Task<PopupMessage?> FindPendingAsync(string shop, string cartToken, CancellationToken cancellationToken);
}
