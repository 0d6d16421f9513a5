namespace CartRecovery.Core.Shopify.Payloads;

/// <summary><c>checkouts/create</c> and <c>checkouts/update</c>: a checkout with whatever contact details the shopper has typed.</summary>
public sealed record ShopifyCheckout
{
    public long? Id { get; init; }

    public string? Token { get; init; }

    public string? CartToken { get; init; }

    /// <summary>"#{id}": the only place some API versions put the numeric id that <c>checkouts/delete</c> names.</summary>
    public string? Name { get; init; }

    public string? Email { get; init; }

    /// <summary>A checkout made in test mode (a test gateway or a development store), when the payload says so.</summary>
    public bool? Test { get; init; }

    public string? Phone { get; init; }

    public string? SmsMarketingPhone { get; init; }

    public bool? BuyerAcceptsMarketing { get; init; }

    public bool? BuyerAcceptsSmsMarketing { get; init; }

    public ShopifyCustomer? Customer { get; init; }

    public ShopifyAddress? ShippingAddress { get; init; }

    public ShopifyAddress? BillingAddress { get; init; }

    public string? AbandonedCheckoutUrl { get; init; }

    public string? Currency { get; init; }

    public string? PresentmentCurrency { get; init; }

    public string? CustomerLocale { get; init; }

    public List<ShopifyLineItem>? LineItems { get; init; }

    public List<ShopifyDiscountCode>? DiscountCodes { get; init; }

    public decimal? TotalPrice { get; init; }

    public decimal? SubtotalPrice { get; init; }

    public ShopifyMoneySet? TotalPriceSet { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>The numeric id from <c>id</c>, else from <c>name</c> ("#981820079255243537").</summary>
    public long? NumericId =>
        Id ?? (Name is { Length: > 1 } name && name[0] == '#' && long.TryParse(name.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null);
}
