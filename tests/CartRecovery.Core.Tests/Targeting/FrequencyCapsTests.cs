using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Caps;
using CartRecovery.Core.Targeting.Rules;

namespace CartRecovery.Core.Tests.Targeting;

public sealed class FrequencyCapsTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly ShopContactRules Rules = ShopContactRules.Default;

    private static ContactEntry Entry(string key, Channel channel, double hoursAgo) => new(key, channel, Now - TimeSpan.FromHours(hoursAgo));

    [Theory]
    [InlineData(Channel.Email, 15.9, false)]
    [InlineData(Channel.Email, 16.1, true)]
    [InlineData(Channel.Sms, 23.9, false)]
    [InlineData(Channel.Sms, 24.1, true)]
    [InlineData(Channel.Push, 23.9, false)]
    public void Smart_sending_holds_a_channel_for_its_window(Channel channel, double hoursAgo, bool allowed)
    {
        var decision = FrequencyCaps.Decide([Entry("a/cart-1/s1/x", channel, hoursAgo)], new ContactEntry("a/cart-2/s1/x", channel, Now), Rules, Now);

        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.StartsWith("smart sending", decision.Reason);
            Assert.Equal(Now - TimeSpan.FromHours(hoursAgo) + Rules.SmartSending.WindowFor(channel), decision.Until);
        }
    }

    [Fact]
    public void Another_channel_is_not_held_by_smart_sending()
    {
        var decision = FrequencyCaps.Decide([Entry("k1", Channel.Email, 1)], new ContactEntry("k2", Channel.Sms, Now), Rules, Now);

        Assert.True(decision.Allowed);
        Assert.Equal(2, decision.Write!.Count);
    }

    [Fact]
    public void The_recovery_cap_allows_two_messages_in_seven_days_and_says_when_the_third_may_go()
    {
        List<ContactEntry> entries = [Entry("k1", Channel.Email, 24 * 6), Entry("k2", Channel.Sms, 30)];

        var decision = FrequencyCaps.Decide(entries, new ContactEntry("k3", Channel.Push, Now), Rules, Now);

        Assert.False(decision.Allowed);
        Assert.StartsWith("recovery cap", decision.Reason);
        Assert.Equal(entries[0].At + TimeSpan.FromDays(7), decision.Until);
    }

    [Fact]
    public void Messages_older_than_every_window_are_forgotten()
    {
        var decision = FrequencyCaps.Decide([Entry("k1", Channel.Email, 24 * 8), Entry("k2", Channel.Email, 24 * 7.5)], new ContactEntry("k3", Channel.Email, Now), Rules, Now);

        Assert.True(decision.Allowed);
        Assert.Equal(["k3"], decision.Write!.Select(e => e.Key));
    }

    [Fact]
    public void The_same_step_again_is_allowed_without_a_second_entry()
    {
        var decision = FrequencyCaps.Decide([Entry("k1", Channel.Email, 0.1)], new ContactEntry("k1", Channel.Email, Now), Rules, Now);

        Assert.True(decision.Allowed);
        Assert.Null(decision.Write);
    }

    [Fact]
    public void Zero_windows_turn_the_caps_off()
    {
        var off = Rules with { SmartSending = new SmartSendingRules { EmailHours = 0 }, RecoveryCap = new RecoveryCapRules { MaxMessages = 0 } };

        var decision = FrequencyCaps.Decide([Entry("k1", Channel.Email, 0.1), Entry("k2", Channel.Email, 0.2)], new ContactEntry("k3", Channel.Email, Now), off, Now);

        Assert.True(decision.Allowed);
    }

    [Fact]
    public void Under_a_time_scale_the_windows_shrink_by_the_same_factor()
    {
        // At 3600 (a demo: an hour per second), the 16 h email window lasts 16 s.
        Assert.False(FrequencyCaps.Decide([new ContactEntry("k1", Channel.Email, Now.AddSeconds(-15))], new ContactEntry("k2", Channel.Email, Now), Rules, Now, 3600).Allowed);
        Assert.True(FrequencyCaps.Decide([new ContactEntry("k1", Channel.Email, Now.AddSeconds(-17))], new ContactEntry("k2", Channel.Email, Now), Rules, Now, 3600).Allowed);
    }

    [Fact]
    public void Release_removes_only_its_own_entry()
    {
        Assert.Equal(["k2"], FrequencyCaps.Release([Entry("k1", Channel.Email, 1), Entry("k2", Channel.Sms, 1)], "k1")!.Select(e => e.Key));
        Assert.Null(FrequencyCaps.Release([Entry("k2", Channel.Sms, 1)], "k1"));
    }
}
