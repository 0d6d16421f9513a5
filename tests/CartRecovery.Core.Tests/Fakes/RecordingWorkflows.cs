using System.Collections.Concurrent;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Tests.Fakes;

/// <summary>A test <see cref="IRecoveryWorkflows"/> (the engine is another concern) that records every signal it is given.</summary>
public sealed class RecordingWorkflows : IRecoveryWorkflows
{
    private readonly ConcurrentQueue<(string Target, RecoverySignal Signal)> signals = new();

    public IReadOnlyList<(string Target, RecoverySignal Signal)> Signals => signals.ToArray();

    public Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Tracking never starts workflows.");

    public Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken)
    {
        signals.Enqueue(("workflow:" + id.Value, signal));
        return Task.CompletedTask;
    }

    public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken)
    {
        signals.Enqueue(($"customer:{shop}/{customerKey}", signal));
        return Task.CompletedTask;
    }

    public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken)
    {
        signals.Enqueue(("shop:" + shop, signal));
        return Task.CompletedTask;
    }
}
