using CartRecovery.Core.Attribution;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tests.Attribution;

public sealed class AttributionRulesTests
{
    private const string Shop = "demo.myshopify.com";
    private static readonly DateTimeOffset PlacedAt = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly RecoveryLink RecoveryA = new(Shop, "cart-a", "chk-a", "cart-a", "id:1", "exp:treated", PlacedAt.AddDays(-2));

    [Theory]
    [InlineData(MatchRoute.CheckoutToken)]
    [InlineData(MatchRoute.CartToken)]
    [InlineData(MatchRoute.DiscountCode)]
    public void A_direct_match_names_the_recovery_and_its_last_touch_before_the_order(MatchRoute route)
    {
        Touch[] touches =
        [
            Touch("cart-a", "m1", "step-1", Channel.Email, TouchKind.Sent, PlacedAt.AddHours(-30)),
            Touch("cart-a", "m1", "step-1", Channel.Email, TouchKind.Opened, PlacedAt.AddHours(-29)),
            Touch("cart-a", "m2", "step-2", Channel.Sms, TouchKind.Clicked, PlacedAt.AddHours(-2)),
            Touch("cart-a", "m3", "step-3", Channel.Email, TouchKind.Opened, PlacedAt.AddHours(1)), // after the order: never counts
        ];

        var result = AttributionRules.Attribute(Order(), (RecoveryA, route), touches, [], AttributionWindows.Default, 0m)!;

        Assert.Equal("cart-a", result.RecoveryId);
        Assert.Equal(route, result.Route);
        Assert.Equal("step-2", result.StepId);
        Assert.Equal(Channel.Sms, result.Channel);
        Assert.Equal(TouchKind.Clicked, result.TouchKind);
        Assert.Equal(80m, result.Revenue);
        Assert.Equal("EUR", result.Currency);
        Assert.Equal(88m, result.PresentmentRevenue);
        Assert.Equal("USD", result.PresentmentCurrency);
    }

    [Fact]
    public void A_direct_match_without_touches_still_credits_the_recovery_and_its_arm()
    {
        var result = AttributionRules.Attribute(Order(), (RecoveryA with { Variant = "exp:holdout" }, MatchRoute.CheckoutToken), [], [], AttributionWindows.Default, 0m)!;

        Assert.Equal("cart-a", result.RecoveryId);
        Assert.Null(result.StepId);
        Assert.Equal("exp:holdout", result.Variant);
    }

    public static TheoryData<Channel, TouchKind, double> Windows => new()
    {
        { Channel.Email, TouchKind.Opened, 5 * 24 },
        { Channel.Email, TouchKind.Clicked, 5 * 24 },
        { Channel.Sms, TouchKind.Clicked, 5 * 24 },
        { Channel.Sms, TouchKind.Delivered, 12 },
        { Channel.Push, TouchKind.Opened, 24 },
        { Channel.Popup, TouchKind.Clicked, 24 },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void A_touch_attributes_up_to_its_window_edge_inclusive_and_not_a_second_later(Channel channel, TouchKind kind, double hours)
    {
        var edge = PlacedAt.AddHours(-hours);
        var inside = AttributionRules.Attribute(Order(), null, [], [Touch("cart-b", "m9", "step-1", channel, kind, edge)], AttributionWindows.Default, 0m);
        var outside = AttributionRules.Attribute(Order(), null, [], [Touch("cart-b", "m9", "step-1", channel, kind, edge.AddSeconds(-1))], AttributionWindows.Default, 0m);

        Assert.NotNull(inside);
        Assert.Equal(MatchRoute.LastTouch, inside.Route);
        Assert.Equal("cart-b", inside.RecoveryId);
        Assert.Null(outside);
    }

    [Theory]
    [InlineData(Channel.Email, TouchKind.Delivered)]
    [InlineData(Channel.Email, TouchKind.Sent)]
    [InlineData(Channel.Sms, TouchKind.Sent)]
    public void Sends_and_email_deliveries_never_attribute_on_their_own(Channel channel, TouchKind kind) =>
        Assert.Null(AttributionRules.Attribute(Order(), null, [], [Touch("cart-b", "m9", "step-1", channel, kind, PlacedAt.AddMinutes(-5))], AttributionWindows.Default, 0m));

    [Fact]
    public void Across_recoveries_the_last_touch_inside_its_window_wins()
    {
        Touch[] touches =
        [
            Touch("cart-b", "m1", "step-1", Channel.Email, TouchKind.Clicked, PlacedAt.AddDays(-3)),
            Touch("cart-c", "m2", "step-2", Channel.Sms, TouchKind.Delivered, PlacedAt.AddHours(-13)), // later but its 12 h window is over
            Touch("cart-c", "m3", "step-1", Channel.Push, TouchKind.Opened, PlacedAt.AddHours(-20)),
        ];

        var result = AttributionRules.Attribute(Order(), null, [], touches, AttributionWindows.Default, 0m)!;

        Assert.Equal("cart-c", result.RecoveryId);
        Assert.Equal(Channel.Push, result.Channel);
        Assert.Equal("step-1", result.StepId);
    }

    [Fact]
    public void Per_shop_windows_override_the_defaults_and_unset_ones_keep_them()
    {
        var options = new AttributionOptions();
        options.Shops[Shop] = new AttributionOptions.WindowSettings { EmailClick = TimeSpan.FromDays(1) };

        Assert.Equal(TimeSpan.FromDays(1), options.For(Shop).EmailClick);
        Assert.Equal(TimeSpan.FromDays(5), options.For(Shop).EmailOpen);
        Assert.Equal(TimeSpan.FromDays(5), options.For("other.myshopify.com").EmailClick);
        Assert.Null(AttributionRules.Attribute(Order(), null, [], [Touch("cart-b", "m1", "s", Channel.Email, TouchKind.Clicked, PlacedAt.AddDays(-2))], options.For(Shop), 0m));
    }

    [Fact]
    public void Net_revenue_is_less_refunds_and_zero_once_cancelled()
    {
        var order = AttributionRules.Attribute(Order(), (RecoveryA, MatchRoute.CheckoutToken), [], [], AttributionWindows.Default, 0m)!;

        Assert.Equal(80m, order.NetRevenue);
        Assert.Equal(50m, (order with { Refunded = 30m }).NetRevenue);
        Assert.Equal(0m, (order with { Refunded = 300m }).NetRevenue);
        Assert.Equal(0m, (order with { Cancelled = true }).NetRevenue);
    }

    private static OrderFacts Order() => new(Shop, "1001", PlacedAt, "chk-a", "cart-a", "id:1", [], 0m, 80m, "EUR", 88m, "USD");

    private static Touch Touch(string recovery, string message, string step, Channel channel, TouchKind kind, DateTimeOffset at) =>
        new(Shop, recovery, "id:1", message, step, channel, "exp:treated", kind, at);
}
