using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Shopify;

public sealed class ShopifySnapshotsTests
{
    private const string Shop = "example-shop.myshopify.com";
    private static readonly DateTimeOffset Fallback = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static T Fixture<T>(string name) => JsonSerializer.Deserialize<T>(ShopifyFixtures.Text(name), ShopifyJson.Options)!;

    [Fact]
    public void Checkout_maps_contact_consent_presentment_money_and_customer()
    {
        var snapshot = ShopifySnapshots.FromCheckout(Shop, Fixture<ShopifyCheckout>("checkouts_create"), Fallback);

        Assert.Equal(CartKind.Checkout, snapshot.Kind);
        Assert.Equal("ck-5d0a4c1f2e3b4a5968778695a4b3c2d1", snapshot.CartKey);
        Assert.Equal("c1-7f3a9e2b4d6c8e0f1a2b3c4d5e6f7a8b", snapshot.CartToken);
        Assert.Equal("EUR", snapshot.Currency);
        Assert.Equal(87.00m, snapshot.TotalPrice);
        Assert.Equal("de-DE", snapshot.Locale);
        Assert.Equal(new ContactInfo("zoe.nunez@example.com", "+4915112345678", ConsentState.Subscribed, ConsentState.Subscribed), snapshot.Contact);
        Assert.Equal(new CustomerSnapshot(603851970716743426, "Zoë", "Łukasiewicz-Núñez", 3, 212.40m), snapshot.Customer);
        Assert.Contains("/recover?key=", snapshot.RecoveryUrl, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2026, 1, 15, 11, 0, 0, TimeSpan.Zero), snapshot.UpdatedAt);
        Assert.Equal("id:603851970716743426", snapshot.CustomerKey);
        Assert.Equal(2, snapshot.Lines.Count);
        Assert.Equal(new CartLine(788032119674292922, 704912205188288575, "Kaffeetasse – Größe M ☕", "Grün", 2, 24.50m, "https://cdn.shopify.com/s/files/1/0000/0001/products/mug.jpg", "MUG-GR-M"), snapshot.Lines[0]);
    }

    [Fact]
    public void Checkout_with_optional_fields_missing_still_maps()
    {
        var snapshot = ShopifySnapshots.FromCheckout(Shop, Fixture<ShopifyCheckout>("checkouts_update_minimal"), Fallback);

        Assert.Null(snapshot.Customer);
        Assert.Null(snapshot.CartToken);
        Assert.Null(snapshot.Locale);
        Assert.Equal("CAD", snapshot.Currency);
        Assert.Equal(new ContactInfo("guest.shopper@example.org", null, ConsentState.NotSubscribed, ConsentState.Unknown), snapshot.Contact);
        Assert.Equal("email:guest.shopper@example.org", snapshot.CustomerKey);
        Assert.Null(snapshot.Lines[0].ImageUrl);
    }

    [Fact]
    public void Cart_maps_lines_and_total_in_presentment_currency_without_contact()
    {
        var snapshot = ShopifySnapshots.FromCart(Shop, Fixture<ShopifyCart>("carts_create"), Fallback);

        Assert.Equal(CartKind.Cart, snapshot.Kind);
        Assert.Equal(ContactInfo.None, snapshot.Contact);
        Assert.Equal("EUR", snapshot.Currency);
        Assert.Equal(87.00m, snapshot.TotalPrice);
        Assert.Equal("日本茶セット (緑茶)", snapshot.Lines[1].Title);
        Assert.Null(snapshot.CustomerKey);
    }

    [Fact]
    public void Order_becomes_an_order_placed_signal_with_attribution_data()
    {
        var signal = ShopifySnapshots.ToOrderPlaced(Fixture<ShopifyOrder>("orders_create"), Fallback);

        Assert.Equal(5678901234567, signal.OrderId);
        Assert.Equal(78.30m, signal.Total);
        Assert.Equal("EUR", signal.Currency);
        Assert.Equal(["COMEBACK10"], signal.DiscountCodes);
        Assert.StartsWith("/cart/recover?utm_source=cartrecovery", signal.LandingSite, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkout_numeric_id_falls_back_to_its_name() =>
        Assert.Equal(981820079255243537, new ShopifyCheckout { Name = "#981820079255243537" }.NumericId);

    [Theory]
    [InlineData(true, null, ConsentState.Subscribed)]
    [InlineData(true, "unsubscribed", ConsentState.Subscribed)]
    [InlineData(false, "subscribed", ConsentState.Subscribed)]
    [InlineData(false, null, ConsentState.NotSubscribed)]
    [InlineData(null, "unsubscribed", ConsentState.Unsubscribed)]
    [InlineData(null, null, ConsentState.Unknown)]
    public void Consent_prefers_the_box_ticked_at_checkout(bool? ticked, string? recorded, ConsentState expected) =>
        Assert.Equal(expected, ShopifySnapshots.Consent(ticked, recorded is null ? null : new ShopifyMarketingConsent { State = recorded }));
}
