namespace CartRecovery.Core.Admin;

/// <summary>Where each shop's Admin API access is kept (encrypted at rest by the adapter); one per shop, replaced on reinstall.</summary>
public interface IShopAccessTokens
{
    Task<ShopAccess?> GetAsync(string shop, CancellationToken cancellationToken);

    /// <summary>Replaces whatever the shop had (a reinstall or a refresh).</summary>
    Task SaveAsync(string shop, ShopAccess access, CancellationToken cancellationToken);

    /// <summary>Forgets the shop's access (<c>app/uninstalled</c>, <c>shop/redact</c>); a shop without one is not an error.</summary>
    Task DeleteAsync(string shop, CancellationToken cancellationToken);
}
