using CartRecovery.Core.Messaging;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Targeting.Filters;
using CartRecovery.Core.Targeting.Klaviyo;
using CartRecovery.Core.Targeting.Rules;
using static CartRecovery.Core.Tests.Targeting.TargetingFixtures;

namespace CartRecovery.Core.Tests.Targeting;

public sealed class KlaviyoFilterTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 10, 0, 0, TimeSpan.Zero);

    private sealed class Answering(KlaviyoLookup answer) : IKlaviyoEvents
    {
        public List<(string? Email, DateTimeOffset Since)> Asked { get; } = [];

        public Task<KlaviyoLookup> FindRecoveryMessageAsync(string privateKey, string? email, string? phone, DateTimeOffset since, KlaviyoCoordinationRules rules, CancellationToken cancellationToken)
        {
            Asked.Add((email, since));
            return Task.FromResult(answer);
        }
    }

    private static EligibilityContext WithKey(Channel channel, ShopContactRules? rules = null) =>
        Step(Cart(), channel, Now, rules) with { KlaviyoPrivateKey = "pk_x" };

    [Fact]
    public async Task A_recent_Klaviyo_recovery_message_skips_the_email_and_the_window_is_24_hours()
    {
        var klaviyo = new Answering(KlaviyoLookup.Sent("Received Email", Now.AddHours(-3)));

        var verdict = await new KlaviyoFilter(klaviyo).EvaluateAsync(WithKey(Channel.Email), CancellationToken.None);

        Assert.Equal(VerdictKind.Skip, verdict.Kind);
        Assert.Equal("klaviyo: Klaviyo sent \"Received Email\" 3 h ago", verdict.Describe());
        Assert.Equal(("mia@example.com", Now.AddHours(-24)), Assert.Single(klaviyo.Asked));
    }

    [Fact]
    public async Task No_key_or_a_push_step_asks_nothing()
    {
        var klaviyo = new Answering(KlaviyoLookup.Sent("Received Email", Now));

        Assert.Equal(VerdictKind.Pass, (await new KlaviyoFilter(klaviyo).EvaluateAsync(Step(Cart(), Channel.Email, Now), CancellationToken.None)).Kind);
        Assert.Equal(VerdictKind.Pass, (await new KlaviyoFilter(klaviyo).EvaluateAsync(WithKey(Channel.Push), CancellationToken.None)).Kind);
        Assert.Empty(klaviyo.Asked);
    }

    [Fact]
    public async Task When_Klaviyo_does_not_answer_the_shop_policy_decides_and_the_verdict_says_so()
    {
        var silent = new KlaviyoFilter(new Answering(KlaviyoLookup.NoAnswer("no answer within 5 s")));
        var skipping = ShopContactRules.Default with { Klaviyo = new KlaviyoCoordinationRules { OnUnavailable = KlaviyoUnavailablePolicy.Skip } };

        var send = await silent.EvaluateAsync(WithKey(Channel.Sms), CancellationToken.None);
        var skip = await silent.EvaluateAsync(WithKey(Channel.Sms, skipping), CancellationToken.None);

        Assert.Equal(VerdictKind.Pass, send.Kind);
        Assert.Contains("sent by the shop's policy", send.Reason);
        Assert.Equal(VerdictKind.Skip, skip.Kind);
        Assert.Contains("no answer within 5 s", skip.Reason);
    }
}
