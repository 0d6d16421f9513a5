using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Tests.Abandonment;

internal static class CartBuilder
{
    public const string Shop = "example-shop.myshopify.com";
    public static readonly DateTimeOffset T0 = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static CartSnapshot Snapshot(string key = "ck-1", CartKind kind = CartKind.Checkout, DateTimeOffset? at = null, string? email = "a@example.com", string? phone = null, int lines = 1, long? customerId = null) => new(
        Shop,
        key,
        kind,
        kind == CartKind.Cart ? key : "cart-of-" + key,
        kind == CartKind.Checkout ? key : null,
        customerId is null ? null : new CustomerSnapshot(customerId, "Zoë", null, 0, 0m),
        kind == CartKind.Cart ? ContactInfo.None : new ContactInfo(email, phone, ConsentState.Subscribed, ConsentState.Unknown),
        "EUR",
        10m * lines,
        "de",
        Enumerable.Range(0, lines).Select(i => new CartLine(i, i, $"Line {i}", null, 1, 10m, null, null)).ToList(),
        null,
        at ?? T0);

    public static TrackedCart Tracked(CartSnapshot snapshot) =>
        new(Shop, snapshot.CartKey, snapshot.Kind, snapshot, snapshot.UpdatedAt, snapshot.UpdatedAt);
}
