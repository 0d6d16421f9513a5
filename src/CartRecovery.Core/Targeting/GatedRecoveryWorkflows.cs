using CartRecovery.Core.Carts;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Targeting;

/// <summary>
/// The engine's <see cref="IRecoveryWorkflows"/> as abandonment detection uses it: a cart the start-stage chain skips
/// (a test checkout, a fraud-flagged customer, a cart under the shop's minimum) gets no recovery. The decision is counted
/// per filter (<see cref="IEligibilityStats"/>, metrics) and logged; signals pass straight through.
/// </summary>
public sealed partial class GatedRecoveryWorkflows(IRecoveryWorkflows engine, RecoveryStartGate gate, ILogger<GatedRecoveryWorkflows> logger) : IRecoveryWorkflows
{
    public async Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken)
    {
        var verdict = await gate.CheckAsync(abandoned, cancellationToken).ConfigureAwait(false);
        if (verdict.Kind == VerdictKind.Skip)
        {
            LogNotStarted(WorkflowId.For(abandoned.Shop, abandoned.CartKey).Value, verdict.Describe());
            return;
        }

        await engine.StartAsync(abandoned, abandonedAt, cancellationToken).ConfigureAwait(false);
    }

    public Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken) => engine.SignalAsync(id, signal, cancellationToken);

    public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken) =>
        engine.SignalCustomerAsync(shop, customerKey, signal, cancellationToken);

    public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken) => engine.SignalShopAsync(shop, signal, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "No recovery for {WorkflowId}: {Reason}")]
    private partial void LogNotStarted(string workflowId, string reason);
}
