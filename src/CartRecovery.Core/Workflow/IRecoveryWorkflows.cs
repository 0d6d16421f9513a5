using CartRecovery.Core.Carts;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// The port through which the rest of the product drives recovery workflows, whatever engine runs them
/// (the embedded runner in CartRecovery.Server, Durable Functions in CartRecovery.Functions).
/// </summary>
public interface IRecoveryWorkflows
{
    /// <summary>Starts the recovery of an abandoned cart. Idempotent: a running workflow for the same cart is left as it is.</summary>
    Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken);

    /// <summary>Delivers a signal to one workflow. A signal for a workflow that does not exist or has ended is dropped.</summary>
    Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken);

    /// <summary>Delivers a signal to every active workflow of one customer of a store (opt-out stops all their carts).</summary>
    Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken);

    /// <summary>Delivers a signal to every active workflow of a store (app uninstalled).</summary>
    Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken);
}
