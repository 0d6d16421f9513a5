using System.Collections.Concurrent;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Testing;

/// <summary>
/// The <see cref="IRecoveryWorkflows"/> port as ingestion tests see it: records every start and signal, with the engine's
/// documented semantics that matter to callers (a second start of a running workflow changes nothing).
/// </summary>
public sealed class RecordingRecoveryWorkflows : IRecoveryWorkflows
{
    private readonly ConcurrentQueue<RecordedStart> starts = new();
    private readonly ConcurrentQueue<RecordedSignal> signals = new();
    private readonly ConcurrentDictionary<WorkflowId, byte> running = new();

    public IReadOnlyList<RecordedStart> Starts => starts.ToArray();

    /// <summary>Starts that created a workflow (not repeats of a running one).</summary>
    public IReadOnlyList<RecordedStart> NewStarts => starts.Where(s => s.Created).ToArray();

    public IReadOnlyList<RecordedSignal> Signals => signals.ToArray();

    public Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken)
    {
        var id = WorkflowId.For(abandoned.Shop, abandoned.CartKey);
        starts.Enqueue(new RecordedStart(id, abandoned, abandonedAt, running.TryAdd(id, 0)));
        return Task.CompletedTask;
    }

    public Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken)
    {
        signals.Enqueue(new RecordedSignal(id.Value, signal, running.ContainsKey(id)));
        return Task.CompletedTask;
    }

    public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken)
    {
        signals.Enqueue(new RecordedSignal($"customer:{shop}:{customerKey}", signal, true));
        return Task.CompletedTask;
    }

    public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken)
    {
        signals.Enqueue(new RecordedSignal($"shop:{shop}", signal, true));
        return Task.CompletedTask;
    }

    /// <summary>Every signal sent to the cart's workflow, whether or not it was running.</summary>
    public IReadOnlyList<RecoverySignal> SignalsTo(string shop, string cartKey) =>
        Signals.Where(s => s.Target == WorkflowId.For(shop, cartKey).Value).Select(s => s.Signal).ToArray();

    /// <summary>The signals a real engine would have delivered: those sent while the workflow was running (others are dropped).</summary>
    public IReadOnlyList<RecoverySignal> DeliveredSignalsTo(string shop, string cartKey) =>
        Signals.Where(s => s.Delivered && s.Target == WorkflowId.For(shop, cartKey).Value).Select(s => s.Signal).ToArray();
}

public sealed record RecordedStart(WorkflowId Id, CartSnapshot Cart, DateTimeOffset AbandonedAt, bool Created);

/// <summary>A signal; <see cref="Delivered"/> is false when its workflow was not running (the engine drops those).</summary>
public sealed record RecordedSignal(string Target, RecoverySignal Signal, bool Delivered);
