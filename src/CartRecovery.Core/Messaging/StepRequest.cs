using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Messaging;

/// <summary>
/// One recovery step to carry out: compose, check consent, send and record a message.
/// <see cref="IdempotencyKey"/> (store, cart, step, channel) travels to every provider so a retried or replayed step never sends twice.
/// <see cref="Incentive"/> is the code issued for this step, when the incentive engine issued one; otherwise
/// <see cref="IncentiveRefusedReason"/> says why not (recorded in the message's notes).
/// </summary>
public sealed record StepRequest(
    string WorkflowId,
    CartSnapshot Cart,
    string StepId,
    int StepIndex,
    Channel Channel,
    MessageIntent Intent,
    bool IncludeIncentive,
    string? Variant,
    string IdempotencyKey,
    IncentiveOffer? Incentive = null,
    string? IncentiveRefusedReason = null)
{
    public static string KeyFor(string shop, string cartKey, string stepId, Channel channel) =>
        $"{shop}/{cartKey}/{stepId}/{channel.ToString().ToLowerInvariant()}";
}
