using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Filters;
using CartRecovery.Core.Targeting.QuietHours;
using CartRecovery.Core.Targeting.Rules;
using static CartRecovery.Core.Tests.Targeting.TargetingFixtures;

namespace CartRecovery.Core.Tests.Targeting;

public sealed class QuietHoursTests
{
    private readonly QuietHoursFilter filter = new();

    private FilterVerdict Evaluate(CartSnapshot cart, Channel channel, DateTimeOffset now, ShopContactRules? rules = null, string? shopZone = "Europe/Berlin") =>
        filter.EvaluateAsync(Step(cart, channel, now, rules, shopZone), CancellationToken.None).AsTask().Result;

    [Fact]
    public void An_email_at_23_00_in_Berlin_waits_for_08_00_the_next_morning()
    {
        var cart = Cart(location: new RecipientLocation("DE", null));
        var now = new DateTimeOffset(2026, 6, 10, 21, 0, 0, TimeSpan.Zero); // 23:00 CEST

        var verdict = Evaluate(cart, Channel.Email, now);

        Assert.Equal(VerdictKind.Defer, verdict.Kind);
        Assert.Equal(new DateTimeOffset(2026, 6, 11, 8, 0, 0, TimeSpan.FromHours(2)), verdict.Until);
        Assert.Contains("Europe/Berlin", verdict.Reason);
    }

    [Fact]
    public void The_same_instant_is_allowed_for_a_shopper_in_New_York()
    {
        var cart = Cart(location: new RecipientLocation("US", "NY"));
        var now = new DateTimeOffset(2026, 6, 10, 21, 0, 0, TimeSpan.Zero); // 17:00 EDT

        Assert.Equal(VerdictKind.Pass, Evaluate(cart, Channel.Email, now).Kind);
    }

    [Fact]
    public void Tokyo_is_found_from_the_country_alone()
    {
        var cart = Cart(location: new RecipientLocation("JP", null));
        var now = new DateTimeOffset(2026, 6, 10, 14, 0, 0, TimeSpan.Zero); // 23:00 JST

        var verdict = Evaluate(cart, Channel.Push, now);

        Assert.Equal(new DateTimeOffset(2026, 6, 11, 8, 0, 0, TimeSpan.FromHours(9)), verdict.Until);
    }

    [Fact]
    public void Florida_law_ends_SMS_at_20_00_while_New_York_allows_until_21_00()
    {
        var now = new DateTimeOffset(2026, 6, 11, 0, 30, 0, TimeSpan.Zero); // 20:30 EDT

        var florida = Evaluate(Cart(location: new RecipientLocation("US", "FL")), Channel.Sms, now);
        var newYork = Evaluate(Cart(location: new RecipientLocation("US", "NY")), Channel.Sms, now);
        var floridaEmail = Evaluate(Cart(location: new RecipientLocation("US", "FL")), Channel.Email, now);

        Assert.Equal(VerdictKind.Defer, florida.Kind);
        Assert.Contains("FL law", florida.Reason);
        Assert.Equal(new DateTimeOffset(2026, 6, 11, 8, 0, 0, TimeSpan.FromHours(-4)), florida.Until);
        Assert.Equal(VerdictKind.Pass, newYork.Kind);
        Assert.Equal(VerdictKind.Pass, floridaEmail.Kind);
    }

    [Theory]
    [InlineData("FL")]
    [InlineData("OK")]
    [InlineData("WA")]
    [InlineData("MD")]
    [InlineData("CT")]
    public void The_state_table_has_a_stricter_end_and_a_source_for_each_required_state(string state)
    {
        var rule = UsStateSmsHours.All[state];

        Assert.Equal(new TimeOnly(20, 0), rule.Hours.End);
        Assert.False(string.IsNullOrWhiteSpace(rule.Source));
    }

    [Fact]
    public void Without_an_address_the_phone_number_gives_the_zone_and_the_state()
    {
        // +1 305: Miami, Florida.
        var cart = Cart(phone: "+1 305 555 0123");
        var now = new DateTimeOffset(2026, 6, 11, 0, 30, 0, TimeSpan.Zero); // 20:30 EDT

        var zone = RecipientTimeZones.Resolve(cart, "Europe/Berlin");
        var verdict = Evaluate(cart, Channel.Sms, now);

        Assert.Equal("phone", zone.Source);
        Assert.Equal("America/New_York", zone.Zone.Id);
        Assert.Equal("FL", zone.UsState);
        Assert.Equal(VerdictKind.Defer, verdict.Kind);
    }

    [Fact]
    public void Without_address_or_phone_the_shop_zone_is_used()
    {
        var zone = RecipientTimeZones.Resolve(Cart(), "Australia/Perth");

        Assert.Equal("shop", zone.Source);
        Assert.Equal("Australia/Perth", zone.Zone.Id);
    }

    [Fact]
    public void On_the_spring_forward_day_the_deferral_lands_on_08_00_daylight_time()
    {
        // 2026-03-08: New York moves from EST (-5) to EDT (-4) at 02:00. An email due at 01:30 EST waits until 08:00 EDT.
        var cart = Cart(location: new RecipientLocation("US", "NY"));
        var now = new DateTimeOffset(2026, 3, 8, 1, 30, 0, TimeSpan.FromHours(-5));

        var verdict = Evaluate(cart, Channel.Email, now);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 8, 0, 0, TimeSpan.FromHours(-4)), verdict.Until);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero), verdict.Until!.Value.ToUniversalTime());
    }

    [Fact]
    public void A_window_starting_in_a_skipped_hour_opens_at_the_first_valid_minute()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var hours = new AllowedHours(new TimeOnly(2, 30), new TimeOnly(22, 0));

        var next = QuietHoursClock.NextAllowed(new DateTimeOffset(2026, 3, 8, 1, 0, 0, TimeSpan.FromHours(-5)), zone, hours);

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), next);
    }

    [Fact]
    public async Task A_time_scaled_engine_has_no_quiet_hours()
    {
        var context = Step(Cart(location: new RecipientLocation("DE", null)), Channel.Email, new DateTimeOffset(2026, 6, 10, 1, 0, 0, TimeSpan.Zero)) with { TimeScale = 3600 };

        Assert.Equal(VerdictKind.Pass, (await filter.EvaluateAsync(context, CancellationToken.None)).Kind);
    }

    [Fact]
    public void The_popup_has_no_quiet_hours_and_shops_can_turn_them_off_or_widen_them()
    {
        var cart = Cart(location: new RecipientLocation("DE", null));
        var night = new DateTimeOffset(2026, 6, 10, 1, 0, 0, TimeSpan.Zero); // 03:00 CEST

        Assert.Equal(VerdictKind.Pass, Evaluate(cart, Channel.Popup, night).Kind);
        Assert.Equal(VerdictKind.Pass, Evaluate(cart, Channel.Email, night, ShopContactRules.Default with { QuietHours = new QuietHoursRules { Enabled = false } }).Kind);
        var early = ShopContactRules.Default with { QuietHours = new QuietHoursRules { Email = new AllowedHours(new TimeOnly(2, 0), new TimeOnly(23, 0)) } };
        Assert.Equal(VerdictKind.Pass, Evaluate(cart, Channel.Email, night, early).Kind);
    }
}
