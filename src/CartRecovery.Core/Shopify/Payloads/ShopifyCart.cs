namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>carts/create</c> and <c>carts/update</c>: a storefront cart, with no contact details.</summary>
public sealed record ShopifyCart
{
    public string? Id { get; init; }

    public string? Token { get; init; }

    public List<ShopifyLineItem>? LineItems { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }
}
