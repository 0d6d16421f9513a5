using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// Carries out an opt-out from an unsubscribe token: suppresses the customer's addresses (the channel's, or all of them when
/// <c>channel</c> is null), records the unsubscribe on the message, and stops every active recovery of that customer.
/// The suppression is written first and must succeed; the rest follows it.
/// </summary>
public sealed class OptOutService(ISuppressionList suppressions, IMessageEvents events, IRecoveryWorkflows workflows, TimeProvider time)
{
    public const string Reason = "unsubscribed";

    public async Task OptOutAsync(TrackingToken token, Channel? channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (addressChannel, address) in Addresses(token, channel))
        {
            await suppressions.AddAsync(token.Shop, channel is null ? null : addressChannel, address, Reason, now, cancellationToken);
        }

        await events.RecordAsync(token.Shop, token.MessageId, MessageEventKind.Unsubscribed, now, cancellationToken);
        var signal = new OptedOut(now, channel);
        if (token.CustomerKey is { Length: > 0 } customerKey)
        {
            await workflows.SignalCustomerAsync(token.Shop, customerKey, signal, cancellationToken);
        }

        // The token's own workflow is signalled too: its cart may not carry the customer key yet (a guest checkout).
        await workflows.SignalAsync(new WorkflowId(token.WorkflowId), signal, cancellationToken);
    }

    private static IEnumerable<(Channel Channel, string Address)> Addresses(TrackingToken token, Channel? channel)
    {
        if (token.Email is { Length: > 0 } email && channel is null or Channel.Email)
        {
            yield return (Channel.Email, email);
        }

        if (token.Phone is { Length: > 0 } phone && channel is null or Channel.Sms)
        {
            yield return (Channel.Sms, phone);
        }
    }
}
