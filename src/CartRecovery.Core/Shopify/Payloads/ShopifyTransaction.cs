namespace CartRecovery.Core.Shopify.Payloads;

/// <summary>A payment transaction of a refund; <see cref="Amount"/> is in <see cref="Currency"/>.</summary>
public sealed record ShopifyTransaction
{
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public string? Kind { get; init; }

    public string? Status { get; init; }
}
