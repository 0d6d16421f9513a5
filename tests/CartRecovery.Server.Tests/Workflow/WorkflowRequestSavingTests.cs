using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;
using CartRecovery.Server.Workflow;
using CartRecovery.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>How the runner saves state and summaries: the sequence index repaired after a crash between a save and its summary write, and merges that leave nothing stale.</summary>
public sealed class WorkflowRequestSavingTests
{
    [Fact]
    public async Task A_summary_left_behind_by_a_crash_after_the_save_is_repaired_by_the_repeat_wake_up()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await env.Workflows.StartAsync(Cart("crash-1"), DateTimeOffset.UtcNow, ct);
        var id = WorkflowId.For(Shop, "crash-1").Value;
        var beforeStop = await env.Index.GetAsync(Shop, id, ct);
        var store = env.Services.GetRequiredService<TableWorkflows>();
        await store.AddSignalAsync(id, new MerchantStop(DateTimeOffset.UtcNow, "stop"), DateTimeOffset.UtcNow, ct);
        await env.Processor().ProcessAsync(id, ct);
        Assert.Equal(RecoveryStatus.Stopped, (await env.Index.GetAsync(Shop, id, ct))?.Status);

        // The process died after saving the stopped state but before its summary write: the index still shows it active.
        await env.Index.UpsertAsync(beforeStop!, ct);

        await env.Processor().ProcessAsync(id, ct); // the wake-up row left in place wakes it again; nothing is left to do

        var repaired = await env.Index.GetAsync(Shop, id, ct);
        Assert.Equal(RecoveryStatus.Stopped, repaired?.Status);
        Assert.Equal(StopReason.MerchantStopped, repaired?.StopReason);
        Assert.Empty(await store.ReadInboxAsync(id, 10, ct));
    }

    [Fact]
    public async Task A_state_saved_over_a_longer_one_leaves_no_stale_chunk_and_no_stale_lease()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var store = env.Services.GetRequiredService<TableWorkflows>();
        var lines = Enumerable.Range(0, 300).Select(i => new CartLine(i, i, $"Hand-thrown stoneware mug no. {i} — 350 ml, speckled glaze", "Blue", 1, 25m, null, $"MUG-{i}")).ToArray();
        await env.Workflows.StartAsync(Cart("big-1") with { Lines = lines }, DateTimeOffset.UtcNow, ct);
        var id = WorkflowId.For(Shop, "big-1").Value;
        var big = (await store.ReadAsync(id, ct))!;
        Assert.True(big.Chunks > 1, $"the large cart's state should span several columns, not {big.Chunks}");

        var leased = await store.TrySaveAsync(big.State, big.ETag, big.Chunks, "runner-x", DateTimeOffset.UtcNow.AddMinutes(1), [], ct);
        var small = big.State with { Cart = big.State.Cart! with { Lines = lines[..1] } };
        Assert.NotNull(await store.TrySaveAsync(small, leased!.Value.ETag, leased.Value.Chunks, null, null, [], ct));

        var row = await (await env.Tables.GetAsync(TableWorkflows.WorkflowsTable, ct)).GetEntityAsync(id, id, cancellationToken: ct);
        Assert.All(Enumerable.Range(1, big.Chunks - 1), i => Assert.Equal("", row.GetString($"State{i}")));
        var read = (await store.ReadAsync(id, ct))!;
        Assert.Equal(1, read.Chunks);
        Assert.Single(read.State.Cart!.Lines);
        Assert.Null(read.LeaseOwner);
        Assert.Null(read.LeaseUntil);
    }
}
