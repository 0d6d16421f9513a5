using CartRecovery.Core.Workflow;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>The recording workflow port, but every call fails while <see cref="Failing"/> is set: a delivery that fails after part of its effect.</summary>
internal sealed class FailingRecoveryWorkflows(RecordingRecoveryWorkflows inner) : IRecoveryWorkflows
{
    public bool Failing { get; set; }

    public Task StartAsync(Core.Carts.CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken) =>
        Failing ? Fail() : inner.StartAsync(abandoned, abandonedAt, cancellationToken);

    public Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken) =>
        Failing ? Fail() : inner.SignalAsync(id, signal, cancellationToken);

    public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken) =>
        Failing ? Fail() : inner.SignalCustomerAsync(shop, customerKey, signal, cancellationToken);

    public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken) =>
        Failing ? Fail() : inner.SignalShopAsync(shop, signal, cancellationToken);

    private static Task Fail() => Task.FromException(new InvalidOperationException("the workflow engine is unavailable (test)"));
}
