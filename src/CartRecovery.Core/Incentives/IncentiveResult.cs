using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Incentives;

/// <summary>The incentive for a step: an offer to put in the message, or none with the reason (recorded; the step still goes out).</summary>
public sealed record IncentiveResult(IncentiveOffer? Offer, string? Reason)
{
    public static IncentiveResult None(string reason) => new(null, reason);
}
