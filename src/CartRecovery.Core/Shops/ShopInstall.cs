namespace CartRecovery.Core.Shops;

/// <summary>
/// Whether the app is installed in the shop: first heard from at <see cref="FirstSeenAt"/> (null: never), uninstalled at
/// <see cref="UninstalledAt"/> by <c>app/uninstalled</c> (its work stops; events triggered before it are ignored).
/// </summary>
public sealed record ShopInstall(DateTimeOffset? FirstSeenAt, DateTimeOffset? UninstalledAt)
{
    public static ShopInstall Unknown { get; } = new(null, null);

    public bool IsKnown => FirstSeenAt is not null || UninstalledAt is not null;

    /// <summary>An unknown shop counts as active: its first event installs it.</summary>
    public bool IsActive => UninstalledAt is null;

    /// <summary>
    /// The shop sent an event triggered at <paramref name="triggeredAt"/>: not accepted when it was uninstalled after that
    /// moment (a late retry, to be ignored); an event triggered after the uninstall means a reinstall. <c>Changed</c> is the
    /// state to store, null when nothing changes.
    /// </summary>
    public (bool Accepted, ShopInstall? Changed) Contact(DateTimeOffset triggeredAt) => this switch
    {
        { FirstSeenAt: not null, UninstalledAt: null } => (true, null),
        { UninstalledAt: { } at } when triggeredAt <= at => (false, null),
        _ => (true, new ShopInstall(FirstSeenAt ?? triggeredAt, null)),
    };

    public ShopInstall Uninstalled(DateTimeOffset at) => new(FirstSeenAt ?? at, at);
}
