namespace CartRecovery.Core.Merchant;

/// <summary>Finds a store's profile (name, default locale, storefront domains). Never null: an unknown store gets defaults derived from its domain.</summary>
public interface IStoreProfiles
{
    Task<StoreProfile> GetAsync(string shop, CancellationToken cancellationToken);
}
