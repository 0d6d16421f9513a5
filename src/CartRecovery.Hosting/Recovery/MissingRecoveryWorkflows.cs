using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Hosting.Recovery;

/// <summary>
/// Stands in when no workflow engine is registered (a partial composition): ingestion and abandonment detection keep
/// working, and any hand-over fails loudly, so the delivery or due entry stays pending and is retried once an engine is there.
/// </summary>
internal sealed class MissingRecoveryWorkflows : IRecoveryWorkflows
{
    private static NotSupportedException Missing() => new("No IRecoveryWorkflows is registered in this host: recoveries cannot be started or signalled.");

    public Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken) => throw Missing();

    public Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken) => throw Missing();

    public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken) => throw Missing();

    public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken) => throw Missing();
}
