namespace CartRecovery.Core.Incentives;

/// <summary>What the rules grant for one step: a kind and value, or none with the reason (recorded with the step).</summary>
public sealed record IncentiveDecision(IncentiveKind Kind, decimal Value, string? RefusedReason)
{
    public static IncentiveDecision Refused(string reason) => new(IncentiveKind.None, 0, reason);

    public bool Granted => Kind != IncentiveKind.None;
}
