namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>checkouts/delete</c>: only the numeric id (no token), the cart token and totals.</summary>
public sealed record ShopifyCheckoutDeletion
{
    public long? Id { get; init; }

    public string? Token { get; init; }

    public string? CartToken { get; init; }
}
