using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Shopify.Payloads;

/// <summary>Turns Shopify payloads into the product's own cart model. Prices are the presentment (shopper's) currency wherever the payload has it.</summary>
public static class ShopifySnapshots
{
    /// <summary>ISO 4217's "no currency": a cart whose lines carry no currency.</summary>
    public const string NoCurrency = "XXX";

    public static CartSnapshot FromCart(string shop, ShopifyCart cart, DateTimeOffset fallbackTime)
    {
        var token = cart.Token ?? cart.Id ?? throw new ArgumentException("A cart needs a token.", nameof(cart));
        var items = cart.LineItems ?? [];
        var lines = items.Select(ToLine).ToList();
        var currency = items.Select(i => i.PriceSet?.PresentmentMoney?.CurrencyCode).FirstOrDefault(c => !string.IsNullOrEmpty(c)) ?? NoCurrency;
        var total = items.Sum(i => i.LinePriceSet?.PresentmentMoney?.Amount ?? i.LinePrice ?? ((i.Price ?? 0m) * i.Quantity));
        return new CartSnapshot(
            shop,
            token,
            CartKind.Cart,
            token,
            null,
            null,
            ContactInfo.None,
            currency,
            total,
            null,
            lines,
            null,
            cart.UpdatedAt ?? cart.CreatedAt ?? fallbackTime);
    }

    public static CartSnapshot FromCheckout(string shop, ShopifyCheckout checkout, DateTimeOffset fallbackTime)
    {
        var token = checkout.Token ?? throw new ArgumentException("A checkout needs a token.", nameof(checkout));
        var customer = checkout.Customer;
        var email = NullIfBlank(checkout.Email) ?? NullIfBlank(customer?.Email);
        var phone = NullIfBlank(checkout.SmsMarketingPhone) ?? NullIfBlank(checkout.Phone) ?? NullIfBlank(customer?.Phone);
        var contact = new ContactInfo(
            email,
            phone,
            Consent(checkout.BuyerAcceptsMarketing, customer?.EmailMarketingConsent),
            Consent(checkout.BuyerAcceptsSmsMarketing, customer?.SmsMarketingConsent));
        var snapshotCustomer = customer is null && checkout.ShippingAddress is null && checkout.BillingAddress is null
            ? null
            : new CustomerSnapshot(
                customer?.Id,
                NullIfBlank(customer?.FirstName) ?? NullIfBlank(checkout.ShippingAddress?.FirstName) ?? NullIfBlank(checkout.BillingAddress?.FirstName),
                NullIfBlank(customer?.LastName) ?? NullIfBlank(checkout.ShippingAddress?.LastName) ?? NullIfBlank(checkout.BillingAddress?.LastName),
                customer?.OrdersCount ?? 0,
                customer?.TotalSpent ?? 0m);
        var lines = (checkout.LineItems ?? []).Select(ToLine).ToList();
        return new CartSnapshot(
            shop,
            token,
            CartKind.Checkout,
            NullIfBlank(checkout.CartToken),
            token,
            snapshotCustomer,
            contact,
            checkout.TotalPriceSet?.PresentmentMoney?.CurrencyCode ?? checkout.PresentmentCurrency ?? checkout.Currency ?? NoCurrency,
            checkout.TotalPriceSet?.PresentmentMoney?.Amount ?? checkout.TotalPrice ?? checkout.SubtotalPrice ?? 0m,
            NullIfBlank(checkout.CustomerLocale) ?? NullIfBlank(customer?.Locale),
            lines,
            NullIfBlank(checkout.AbandonedCheckoutUrl),
            checkout.UpdatedAt ?? checkout.CreatedAt ?? fallbackTime)
        {
            Location = LocationOf(checkout.ShippingAddress) ?? LocationOf(checkout.BillingAddress),
            Trust = new TrustSignals(
                checkout.Test == true,
                string.Equals(customer?.State, "disabled", StringComparison.OrdinalIgnoreCase),
                (customer?.Tags ?? string.Empty).Split(',').Any(t => t.Contains("fraud", StringComparison.OrdinalIgnoreCase))),
        };
    }

    private static RecipientLocation? LocationOf(ShopifyAddress? address) =>
        NullIfBlank(address?.CountryCode) is { } country ? new RecipientLocation(country.ToUpperInvariant(), NullIfBlank(address!.ProvinceCode)?.ToUpperInvariant()) : null;

    /// <summary>The signal an order sends to the recoveries it completes.</summary>
    public static OrderPlaced ToOrderPlaced(ShopifyOrder order, DateTimeOffset fallbackTime) => new(
        order.CreatedAt ?? order.ProcessedAt ?? fallbackTime,
        order.Id ?? 0,
        order.TotalPriceSet?.PresentmentMoney?.Amount ?? order.TotalPrice ?? 0m,
        order.TotalPriceSet?.PresentmentMoney?.CurrencyCode ?? order.PresentmentCurrency ?? order.Currency ?? NoCurrency,
        (order.DiscountCodes ?? []).Select(d => d.Code).Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c!).ToList(),
        NullIfBlank(order.LandingSite));

    /// <summary>
    /// The checkbox ticked at this checkout wins (it is the newest statement); otherwise the customer's recorded consent;
    /// an unticked box with nothing on record means not subscribed.
    /// </summary>
    public static ConsentState Consent(bool? acceptedAtCheckout, ShopifyMarketingConsent? recorded)
    {
        if (acceptedAtCheckout == true)
        {
            return ConsentState.Subscribed;
        }

        var fromRecord = ParseConsent(recorded?.State);
        if (fromRecord != ConsentState.Unknown)
        {
            return fromRecord;
        }

        return acceptedAtCheckout == false ? ConsentState.NotSubscribed : ConsentState.Unknown;
    }

    public static ConsentState ParseConsent(string? state) => state?.ToLowerInvariant() switch
    {
        "subscribed" => ConsentState.Subscribed,
        "not_subscribed" => ConsentState.NotSubscribed,
        "unsubscribed" => ConsentState.Unsubscribed,
        "pending" => ConsentState.Pending,
        "redacted" => ConsentState.Redacted,
        _ => ConsentState.Unknown,
    };

    private static CartLine ToLine(ShopifyLineItem item) => new(
        item.ProductId,
        item.VariantId,
        NullIfBlank(item.PresentmentTitle) ?? NullIfBlank(item.Title) ?? string.Empty,
        NullIfBlank(item.PresentmentVariantTitle) ?? NullIfBlank(item.VariantTitle),
        item.Quantity,
        item.PriceSet?.PresentmentMoney?.Amount ?? item.Price ?? 0m,
        NullIfBlank(item.ImageUrl) ?? NullIfBlank(item.Image),
        NullIfBlank(item.Sku));

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
