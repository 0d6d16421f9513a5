using CartRecovery.Core.Workflow;
using CartRecovery.Server.Workflow;
using Microsoft.Extensions.DependencyInjection;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>Signals apply exactly once, including when a runner died between saving a state and deleting the signals it applied.</summary>
public sealed class WorkflowInboxTests
{
    [Fact]
    public async Task A_signal_saved_as_applied_but_not_yet_deleted_is_not_applied_again()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await env.Workflows.StartAsync(Cart("inbox-1"), DateTimeOffset.UtcNow, ct);
        var id = WorkflowId.For(Shop, "inbox-1").Value;
        var store = env.Services.GetRequiredService<TableWorkflows>();
        await store.AddSignalAsync(id, new MerchantRestart(DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, ct);
        var signal = Assert.Single(await store.ReadInboxAsync(id, 10, ct));

        // What a runner saves before it dies: the restarted state, listing the signal as applied; the row is still there.
        var stored = (await store.ReadAsync(id, ct))!;
        var restarted = RecoveryDecider.Decide(stored.State, new SignalReceived(DateTimeOffset.UtcNow, signal.Signal)).State;
        Assert.NotNull(await store.TrySaveAsync(restarted, stored.ETag, stored.Chunks, "dead-runner", DateTimeOffset.UtcNow.AddSeconds(-1), [signal.RowKey], ct));

        await env.Processor().ProcessAsync(id, ct);

        Assert.Equal(1, (await store.ReadAsync(id, ct))!.State.Generation);
        Assert.Empty(await store.ReadInboxAsync(id, 10, ct));
    }

    [Fact]
    public async Task Signals_apply_in_arrival_order_and_each_once()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await env.Workflows.StartAsync(Cart("inbox-2"), DateTimeOffset.UtcNow, ct);
        var id = WorkflowId.For(Shop, "inbox-2");
        await env.Workflows.SignalAsync(id, new MerchantRestart(DateTimeOffset.UtcNow), ct);
        await env.Workflows.SignalAsync(id, new MerchantStop(DateTimeOffset.UtcNow, "first stop"), ct);
        await env.Workflows.SignalAsync(id, new MerchantStop(DateTimeOffset.UtcNow, "second stop"), ct);

        await env.Processor().ProcessAsync(id.Value, ct);
        await env.Processor().ProcessAsync(id.Value, ct);

        var state = (await env.Services.GetRequiredService<TableWorkflows>().ReadAsync(id.Value, ct))!.State;
        Assert.Equal((1, StopReason.MerchantStopped, "first stop"), (state.Generation, state.StopReason!.Value, state.StopNote));
    }
}
