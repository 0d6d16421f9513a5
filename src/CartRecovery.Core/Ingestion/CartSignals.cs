using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Ingestion;

/// <summary>Hands the signals of a cart's transition to its recovery workflow (dropped by the engine when none runs).</summary>
internal static class CartSignals
{
    public static async Task SendAsync(this IRecoveryWorkflows workflows, CartTransition transition, CancellationToken cancellationToken)
    {
        foreach (var signal in transition.Signals)
        {
            await workflows.SignalAsync(WorkflowId.For(transition.Cart.Shop, transition.Cart.Key), signal, cancellationToken).ConfigureAwait(false);
        }
    }
}
