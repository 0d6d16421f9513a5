namespace CartRecovery.Storage.Stores;

/// <summary>A store the app has heard from. <see cref="UninstalledAt"/> is set by <c>app/uninstalled</c>; events triggered before it are ignored.</summary>
public sealed record StoreRecord(string Shop, DateTimeOffset FirstSeenAt, DateTimeOffset? UninstalledAt)
{
    public bool IsActive => UninstalledAt is null;
}
