namespace CartRecovery.Core.Targeting.Klaviyo;

/// <summary>
/// The default until a shop's <c>ShopIntegrations</c> are stored (the integrations route): no shop has a Klaviyo key, so
/// the Klaviyo filter passes every step. A host replaces this registration with a reader of the stored integrations.
/// </summary>
public sealed class NoKlaviyoKeys : IShopKlaviyoKeys
{
    public Task<string?> KeyForAsync(string shop, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}
