namespace CartRecovery.Core.Incentives;

/// <summary>The pure part of incentives: which discount a cart gets at a step under a shop's rules, capped by its maximum and margin guard.</summary>
public static class IncentivePolicy
{
    public const string BelowMinimum = "incentive-below-min-cart-value";
    public const string RuleSaysNone = "incentive-rule-none";
    public const string NothingLeft = "incentive-capped-to-nothing";

    public static IncentiveDecision Decide(IncentiveRules rules, decimal cartValue, string stepId, string? segment)
    {
        if (cartValue <= 0 || cartValue < rules.MinCartValue)
        {
            return IncentiveDecision.Refused(BelowMinimum);
        }

        var rule = rules.Rules.FirstOrDefault(r =>
            (r.Segment is null || string.Equals(r.Segment, segment, StringComparison.OrdinalIgnoreCase))
            && (r.StepId is null || string.Equals(r.StepId, stepId, StringComparison.Ordinal))
            && (r.MinCartValue is null || cartValue >= r.MinCartValue))
            ?? new IncentiveRule(IncentiveKind.Percentage, rules.DefaultPercentage);

        var guardAmount = cartValue * rules.MarginGuardShare;
        var decision = rule.Kind switch
        {
            IncentiveKind.None => IncentiveDecision.Refused(RuleSaysNone),
            IncentiveKind.Percentage => new IncentiveDecision(IncentiveKind.Percentage, Math.Min(Math.Min(rule.Value, rules.MaxPercentage), rules.MarginGuardShare * 100m), null),
            IncentiveKind.FixedAmount => new IncentiveDecision(IncentiveKind.FixedAmount, Math.Round(Math.Min(Math.Min(rule.Value, guardAmount), cartValue * rules.MaxPercentage / 100m), 2, MidpointRounding.ToZero), null),
            IncentiveKind.FreeShipping => new IncentiveDecision(IncentiveKind.FreeShipping, 0, null),
            _ => throw new ArgumentOutOfRangeException(nameof(rules), rule.Kind, "Unknown incentive kind."),
        };
        return decision.Kind is IncentiveKind.Percentage or IncentiveKind.FixedAmount && decision.Value <= 0 ? IncentiveDecision.Refused(NothingLeft) : decision;
    }
}
