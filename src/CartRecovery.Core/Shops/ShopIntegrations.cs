namespace CartRecovery.Core.Shops;

/// <summary>A shop's third-party integrations; secrets are encrypted at rest by the storage adapter.</summary>
public sealed record ShopIntegrations(string? KlaviyoPrivateKey, string? Ga4MeasurementId, string? Ga4ApiSecret)
{
    public static ShopIntegrations None { get; } = new(null, null, null);
}
