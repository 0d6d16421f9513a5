using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Tracking;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Core.Tests.Composition;

/// <summary>A composer with a fixed key and clock (so links are deterministic), and the carts the composition tests render.</summary>
internal static class CompositionFixture
{
    public const string Shop = "zoe-s-store.myshopify.com";
    public const string SigningKey = "test-signing-key-0123456789abcdef-0123456789";

    public static readonly DateTimeOffset Now = new(2026, 3, 10, 9, 30, 0, TimeSpan.Zero);

    public static readonly ShopProfile Store = new(Shop, "Zoë's Store", "en", ["shop.zoe.example"]);

    public static readonly IReadOnlyDictionary<string, (string Locale, string Currency)> Locales = new Dictionary<string, (string, string)>
    {
        ["en"] = ("en-US", "USD"),
        ["de"] = ("de-DE", "EUR"),
        ["fr"] = ("fr-FR", "EUR"),
        ["es"] = ("es-ES", "EUR"),
        ["ja"] = ("ja-JP", "JPY"),
    };

    public static MessageLinks Links(ManualTimeProvider? time = null) =>
        new(new AppLinkOptions { PublicBaseUrl = "https://recover.example", SigningKey = SigningKey, UnsubscribeMailto = "unsubscribe@recover.example" }, new TokenSigner(SigningKey), time ?? new ManualTimeProvider(Now));

    public static MessageComposer Composer(IAiCopyWriter? ai = null, IRecommendations? recommendations = null, ManualTimeProvider? time = null, CompositionOptions? options = null, ILinkShortener? shortener = null)
    {
        var clock = time ?? new ManualTimeProvider(Now);
        return new MessageComposer(
            new InMemoryShops([new ShopSeedOptions { Shop = Shop, Name = Store.Name, DefaultLocale = "en", Domains = ["shop.zoe.example"] }]),
            Links(clock),
            ai ?? new NoAiCopy(),
            recommendations ?? new NoRecommendations(),
            shortener ?? new NoLinkShortener(),
            options ?? new CompositionOptions(),
            clock,
            NullLogger<MessageComposer>.Instance);
    }

    public static CartSnapshot Cart(string language, string? firstName = "Zoë", params CartLine[] lines)
    {
        var (locale, currency) = Locales[language];
        var items = lines.Length > 0 ? lines : DefaultLines(currency);
        return new CartSnapshot(
            Shop,
            "chk-123",
            CartKind.Checkout,
            "cart-abc",
            "chk-123",
            new CustomerSnapshot(42, firstName, "Doe", 1, 100m),
            new ContactInfo("Zoe@Example.com ", "+4915112345678", ConsentState.Subscribed, ConsentState.Subscribed),
            currency,
            items.Sum(l => l.Price * l.Quantity),
            locale,
            items,
            "https://shop.zoe.example/12345/checkouts/chk-123/recover?key=k1",
            Now.AddHours(-3));
    }

    public static CartLine[] DefaultLines(string currency) => currency == "JPY"
        ?
        [
            new CartLine(1, 11, "Ceramic Mug \"Best\" <b>& Co</b>", "Blue / Large", 2, 1800m, "https://cdn.shopify.com/s/files/mug.png", "MUG-1"),
            new CartLine(2, 22, "Tea Towel", "Default Title", 1, 1200m, null, "TOWEL-1"),
        ]
        :
        [
            new CartLine(1, 11, "Ceramic Mug \"Best\" <b>& Co</b>", "Blue / Large", 2, 1249.5m, "https://cdn.shopify.com/s/files/mug.png", "MUG-1"),
            new CartLine(2, 22, "Tea Towel", "Default Title", 1, 9.99m, null, "TOWEL-1"),
        ];

    public static StepRequest Step(CartSnapshot cart, Channel channel, MessageIntent intent, IncentiveOffer? incentive = null, bool includeIncentive = false) => new(
        "cart-0123456789abcdef",
        cart,
        $"step-{intent.ToString().ToLowerInvariant()}",
        2,
        channel,
        intent,
        includeIncentive || incentive is not null,
        null,
        StepRequest.KeyFor(cart.Shop, cart.CartKey, "step", channel),
        incentive);

    public static IncentiveOffer Offer => new("THANKS-5XQ", 10m, null, null);
}
