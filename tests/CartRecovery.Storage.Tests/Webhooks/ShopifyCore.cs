using CartRecovery.Core.Carts;

namespace CartRecovery.Storage.Tests.Webhooks;

internal static class ShopifyCore
{
    public static CartSnapshot Snapshot(string key, DateTimeOffset at, int lines) => new(
        WebhookStorage.Shop,
        key,
        CartKind.Checkout,
        null,
        key,
        null,
        new ContactInfo("a@example.com", null, ConsentState.Subscribed, ConsentState.Unknown),
        "EUR",
        lines,
        null,
        Enumerable.Range(0, lines).Select(i => new CartLine(i, i, "Line", null, 1, 1m, null, null)).ToList(),
        null,
        at);
}
