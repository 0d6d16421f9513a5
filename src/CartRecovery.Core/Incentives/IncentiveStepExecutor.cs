using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Contact;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Incentives;

/// <summary>
/// The incentive part of the step flow, in front of the step executor: a step whose configuration allows an incentive
/// (<see cref="StepRequest.IncludeIncentive"/>) and whose customer can be contacted on its channel gets the code the issuer
/// grants, applied through the recovery link, or the reason there is none. Other steps pass through untouched.
/// </summary>
public sealed partial class IncentiveStepExecutor(IStepExecutor inner, IncentiveIssuer issuer, ILogger<IncentiveStepExecutor> logger) : IStepExecutor
{
    public const string NoContact = "incentive-no-contact";

    public async Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
    {
        if (!request.IncludeIncentive || request.Incentive is not null)
        {
            return await inner.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        // A step that will not reach anyone must not spend a code (nor the customer's allowance).
        if (!ContactPolicy.Check(request.Cart, request.Channel).IsAllowed)
        {
            return await inner.ExecuteAsync(request with { IncentiveRefusedReason = NoContact }, cancellationToken).ConfigureAwait(false);
        }

        var segment = request.Cart.Lines.Any(l => l.LowStock) ? "lowStock" : null;
        var result = await issuer.IssueAsync(request, segment, cancellationToken).ConfigureAwait(false);
        if (result.Offer is not { } offer)
        {
            LogNoIncentive(logger, request.StepId, request.WorkflowId, result.Reason);
            return await inner.ExecuteAsync(request with { IncentiveRefusedReason = result.Reason }, cancellationToken).ConfigureAwait(false);
        }

        var cart = request.Cart with { RecoveryUrl = DiscountLink.Apply(request.Cart.RecoveryUrl, offer.Code) };
        return await inner.ExecuteAsync(request with { Cart = cart, Incentive = offer }, cancellationToken).ConfigureAwait(false);
    }

    public Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken) =>
        inner.GiveUpAsync(request, reason, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Step {StepId} of {WorkflowId} goes out without an incentive: {Reason}")]
    private static partial void LogNoIncentive(ILogger logger, string stepId, string workflowId, string? reason);
}
