namespace CartRecovery.Core.Targeting.Klaviyo;

/// <summary>A shop's Klaviyo private key (from its <c>ShopIntegrations</c>), or null when the shop has not connected Klaviyo.</summary>
public interface IShopKlaviyoKeys
{
    Task<string?> KeyForAsync(string shop, CancellationToken cancellationToken);
}
