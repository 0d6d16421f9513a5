using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Tests.Targeting;

internal static class TargetingFixtures
{
    public const string Shop = "tea-house.myshopify.com";

    public static CartSnapshot Cart(
        string key = "ck-1",
        decimal total = 80m,
        string? email = "mia@example.com",
        string? phone = null,
        RecipientLocation? location = null,
        TrustSignals? trust = null,
        long? customerId = 42) =>
        new(
            Shop,
            key,
            CartKind.Checkout,
            null,
            key,
            customerId is null ? null : new CustomerSnapshot(customerId, "Mia", null, 1, 120m),
            new ContactInfo(email, phone, ConsentState.Subscribed, ConsentState.Subscribed),
            "EUR",
            total,
            "en",
            [new CartLine(1, 2, "Sencha", null, 1, total, null, null)],
            null,
            new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero))
        {
            Location = location,
            Trust = trust ?? TrustSignals.None,
        };

    public static EligibilityContext Step(CartSnapshot cart, Channel channel, DateTimeOffset now, ShopContactRules? rules = null, string? shopZone = "Europe/Berlin", string step = "email-1") =>
        new(EligibilityStage.Step, cart, rules ?? ShopContactRules.Default, shopZone, now, channel, step, $"{cart.Shop}/{cart.CartKey}/{step}/{channel.ToString().ToLowerInvariant()}");
}
