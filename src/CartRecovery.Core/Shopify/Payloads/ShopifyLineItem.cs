using System.Text.Json.Serialization;

namespace CartRecovery.Core.Shopify.Payloads;

/// <summary>A line of a cart, checkout or order. Carts and orders have a numeric id, checkouts only a <c>key</c>.</summary>
public sealed record ShopifyLineItem
{
    public long? Id { get; init; }

    public string? Key { get; init; }

    public long? ProductId { get; init; }

    public long? VariantId { get; init; }

    public string? Title { get; init; }

    public string? VariantTitle { get; init; }

    public string? PresentmentTitle { get; init; }

    public string? PresentmentVariantTitle { get; init; }

    public int Quantity { get; init; }

    public decimal? Price { get; init; }

    public decimal? LinePrice { get; init; }

    public ShopifyMoneySet? PriceSet { get; init; }

    public ShopifyMoneySet? LinePriceSet { get; init; }

    public string? Sku { get; init; }

    public string? Vendor { get; init; }

    [JsonConverter(typeof(ShopifyImageConverter))]
    public string? Image { get; init; }

    public string? ImageUrl { get; init; }
}
