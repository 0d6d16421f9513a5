using CartRecovery.Core.Workflow;
using CartRecovery.RunnerHost;
using CartRecovery.Server.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>The requests the runner saves: batched deletion of fired timer rows, and the sequence index repaired after a crash between a save and its summary write.</summary>
public sealed class WorkflowRequestSavingTests
{
    [Fact]
    public async Task Fired_timer_rows_are_deleted_together_even_when_one_is_already_gone()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        var store = env.Services.GetRequiredService<WorkflowStore>();
        var due = new DateTimeOffset(2026, 11, 21, 12, 30, 0, TimeSpan.Zero);
        var fired = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            fired.Add(await store.AddTimerAsync($"wf-{i}", due.AddSeconds(i), ct));
        }

        var kept = await store.AddTimerAsync("wf-kept", due.AddSeconds(10), ct);
        var otherMinute = await store.AddTimerAsync("wf-next-minute", due.AddMinutes(1), ct);
        await store.DeleteTimerAsync(fired[2], ct); // another runner got there first: the batch must not fail on it

        await store.DeleteTimersAsync([.. fired, otherMinute], ct);

        var left = await store.DueTimersAsync(due.AddHours(1), 100, ct);
        Assert.Equal([kept], left.Select(t => t.Key));
    }

    [Fact]
    public async Task A_summary_left_behind_by_a_crash_after_the_save_is_repaired_by_the_repeat_wake_up()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await env.Workflows.StartAsync(Cart("crash-1"), DateTimeOffset.UtcNow, ct);
        var id = WorkflowId.For(Shop, "crash-1").Value;
        var beforeStop = await env.Index.GetAsync(Shop, id, ct);
        var store = env.Services.GetRequiredService<WorkflowStore>();
        await store.AddSignalAsync(id, new MerchantStop(DateTimeOffset.UtcNow, "stop"), DateTimeOffset.UtcNow, ct);
        await Processor(env).ProcessAsync(id, ct);
        Assert.Equal(RecoveryStatus.Stopped, (await env.Index.GetAsync(Shop, id, ct))?.Status);

        // The process died after saving the stopped state but before its summary write: the index still shows it active.
        await env.Index.UpsertAsync(beforeStop!, ct);

        await Processor(env).ProcessAsync(id, ct); // the wake-up row left in place wakes it again; nothing is left to do

        var repaired = await env.Index.GetAsync(Shop, id, ct);
        Assert.Equal(RecoveryStatus.Stopped, repaired?.Status);
        Assert.Equal(StopReason.MerchantStopped, repaired?.StopReason);
        Assert.Empty(await store.ReadInboxAsync(id, 10, ct));
    }

    private static WorkflowProcessor Processor(RunnerEnvironment env) => new(
        env.Services.GetRequiredService<WorkflowStore>(),
        new StepRunner(new RecordingStepExecutor(env.Tables, TimeProvider.System), new RecoveryOptions(), TimeProvider.System),
        env.Index,
        Options.Create(new RunnerOptions { Id = "test-runner" }),
        TimeProvider.System,
        new RunnerMetrics(),
        NullLogger<WorkflowProcessor>.Instance);
}
