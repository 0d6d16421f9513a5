namespace CartRecovery.Core.Admin;

/// <summary>Shopify's OAuth endpoint of a shop (<c>/admin/oauth/access_token</c>): each call answers the access it grants.</summary>
public interface IShopifyOAuth
{
    /// <summary>Embedded install: trades an App Bridge session token (an id token) for an offline access token.</summary>
    Task<ShopAccess> ExchangeSessionTokenAsync(string shop, string sessionToken, CancellationToken cancellationToken);

    /// <summary>Authorization code grant: trades the code from the install callback for an offline access token.</summary>
    Task<ShopAccess> ExchangeCodeAsync(string shop, string code, CancellationToken cancellationToken);

    /// <summary>Renews an expiring offline token with its refresh token.</summary>
    Task<ShopAccess> RefreshAsync(string shop, string refreshToken, CancellationToken cancellationToken);
}
