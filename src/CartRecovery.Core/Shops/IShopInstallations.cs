namespace CartRecovery.Core.Shops;

/// <summary>Whether a shop has the app installed: recorded on first contact, ended by <c>app/uninstalled</c>, erased by <c>shop/redact</c>.</summary>
public interface IShopInstallations
{
    /// <summary>
    /// Records that the shop sent an event triggered at <paramref name="triggeredAt"/>. False when the shop uninstalled the
    /// app after that moment (a late retry): the event must be ignored. An event triggered after the uninstall means a reinstall.
    /// </summary>
    Task<bool> RecordContactAsync(string shop, DateTimeOffset triggeredAt, CancellationToken cancellationToken);

    Task MarkUninstalledAsync(string shop, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>False once the shop uninstalled the app (until it reinstalls); true for a shop never seen.</summary>
    Task<bool> IsActiveAsync(string shop, CancellationToken cancellationToken);

    Task EraseAsync(string shop, CancellationToken cancellationToken);
}
