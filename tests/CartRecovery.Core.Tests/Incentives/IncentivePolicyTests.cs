using CartRecovery.Core.Incentives;

namespace CartRecovery.Core.Tests.Incentives;

public sealed class IncentivePolicyTests
{
    public static TheoryData<string, IncentiveRules, decimal, string, string?, IncentiveKind, decimal, string?> Cases => new()
    {
        { "default 10 %", new IncentiveRules(), 100m, "final", null, IncentiveKind.Percentage, 10m, null },
        { "percentage capped at the shop's maximum", Rules(new IncentiveRule(IncentiveKind.Percentage, 35m)), 100m, "final", null, IncentiveKind.Percentage, 20m, null },
        { "percentage capped by the margin guard", Rules(new IncentiveRule(IncentiveKind.Percentage, 18m), guard: 0.15m), 100m, "final", null, IncentiveKind.Percentage, 15m, null },
        { "fixed amount capped by the margin guard", Rules(new IncentiveRule(IncentiveKind.FixedAmount, 30m), guard: 0.1m), 80m, "final", null, IncentiveKind.FixedAmount, 8m, null },
        { "fixed amount within the caps", Rules(new IncentiveRule(IncentiveKind.FixedAmount, 5m)), 80m, "final", null, IncentiveKind.FixedAmount, 5m, null },
        { "free shipping", Rules(new IncentiveRule(IncentiveKind.FreeShipping, 0m)), 50m, "final", null, IncentiveKind.FreeShipping, 0m, null },
        { "a none rule", Rules(new IncentiveRule(IncentiveKind.None, 0m)), 50m, "final", null, IncentiveKind.None, 0m, IncentivePolicy.RuleSaysNone },
        { "below the minimum cart value", Rules(min: 60m), 59.99m, "final", null, IncentiveKind.None, 0m, IncentivePolicy.BelowMinimum },
        { "an empty cart", new IncentiveRules(), 0m, "final", null, IncentiveKind.None, 0m, IncentivePolicy.BelowMinimum },
        { "segment rule matches its segment", Rules(new IncentiveRule(IncentiveKind.Percentage, 15m, Segment: "vip")), 100m, "final", "VIP", IncentiveKind.Percentage, 15m, null },
        { "segment rule skips other segments", Rules(new IncentiveRule(IncentiveKind.Percentage, 15m, Segment: "vip")), 100m, "final", "new", IncentiveKind.Percentage, 10m, null },
        { "step rule matches only its step", Rules(new IncentiveRule(IncentiveKind.FreeShipping, 0m, StepId: "s2")), 100m, "s3", null, IncentiveKind.Percentage, 10m, null },
        { "cart value rule from its threshold", Rules(new IncentiveRule(IncentiveKind.FixedAmount, 10m, MinCartValue: 200m), new IncentiveRule(IncentiveKind.Percentage, 5m)), 250m, "final", null, IncentiveKind.FixedAmount, 10m, null },
        { "cart value rule below its threshold falls through", Rules(new IncentiveRule(IncentiveKind.FixedAmount, 10m, MinCartValue: 200m), new IncentiveRule(IncentiveKind.Percentage, 5m)), 150m, "final", null, IncentiveKind.Percentage, 5m, null },
        { "a guard of zero leaves nothing", Rules(guard: 0m), 100m, "final", null, IncentiveKind.None, 0m, IncentivePolicy.NothingLeft },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_kind_and_value_within_the_caps(string name, IncentiveRules rules, decimal cartValue, string stepId, string? segment, IncentiveKind kind, decimal value, string? reason)
    {
        var decision = IncentivePolicy.Decide(rules, cartValue, stepId, segment);

        Assert.True(decision == new IncentiveDecision(kind, value, reason), $"{name}: got {decision}");
    }

    [Fact]
    public void Approval_is_refused_at_start_because_the_queue_is_not_built()
    {
        var result = new IncentiveRulesValidator().Validate(null, new IncentiveRules { RequireApproval = true });

        Assert.Contains(result.Failures!, f => f.Contains("not supported yet", StringComparison.Ordinal));
        Assert.True(new IncentiveRulesValidator().Validate(null, new IncentiveRules()).Succeeded);
        Assert.True(new IncentiveRulesValidator().Validate(null, new IncentiveRules { DefaultPercentage = 25 }).Failed);
    }

    [Fact]
    public void The_discount_link_applies_the_code_and_returns_to_the_checkout()
    {
        Assert.Equal(
            "https://demo.myshopify.com/discount/CR-ABC?redirect=%2Fcheckouts%2Fck%2Frecover%3Fkey%3Dk1",
            DiscountLink.Apply("https://demo.myshopify.com/checkouts/ck/recover?key=k1", "CR-ABC"));
        Assert.Null(DiscountLink.Apply(null, "CR-ABC"));
    }

    private static IncentiveRules Rules(params IncentiveRule[] rules) => new() { Rules = [.. rules] };

    private static IncentiveRules Rules(IncentiveRule rule, decimal guard) => new() { Rules = [rule], MarginGuardShare = guard };

    private static IncentiveRules Rules(decimal guard) => new() { MarginGuardShare = guard };

    private static IncentiveRules Rules(decimal min, bool minimum = true) => new() { MinCartValue = minimum ? min : 0 };
}
