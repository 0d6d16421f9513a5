using CartRecovery.Core.Workflow;
using CartRecovery.RunnerHost;
using CartRecovery.Server.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>The requests the runner saves: batched deletion of fired timer rows, and no summary write when the merchant view is unchanged.</summary>
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
    public async Task A_signal_that_changes_nothing_the_merchant_sees_writes_no_summary_but_is_consumed()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await env.Workflows.StartAsync(Cart("quiet-1"), DateTimeOffset.UtcNow, ct);
        var id = WorkflowId.For(Shop, "quiet-1").Value;
        var store = env.Services.GetRequiredService<WorkflowStore>();
        await store.AddSignalAsync(id, new MerchantStop(DateTimeOffset.UtcNow, "stop"), DateTimeOffset.UtcNow, ct);
        await Processor(env).ProcessAsync(id, ct);
        Assert.Equal(RecoveryStatus.Stopped, (await env.Index.GetAsync(Shop, id, ct))?.Status);

        // With the summary row gone, a write would bring it back: a second stop of a stopped recovery must not write it.
        await env.Index.DeleteAsync(Shop, id, ct);
        await store.AddSignalAsync(id, new MerchantStop(DateTimeOffset.UtcNow, "stop again"), DateTimeOffset.UtcNow, ct);
        await Processor(env).ProcessAsync(id, ct);

        Assert.Empty(await store.ReadInboxAsync(id, 10, ct));
        Assert.Null(await env.Index.GetAsync(Shop, id, ct));

        // And a signal that does change it (a restart) writes it again.
        await store.AddSignalAsync(id, new MerchantRestart(DateTimeOffset.UtcNow), DateTimeOffset.UtcNow, ct);
        await Processor(env).ProcessAsync(id, ct);
        Assert.Equal(RecoveryStatus.Active, (await env.Index.GetAsync(Shop, id, ct))?.Status);
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
