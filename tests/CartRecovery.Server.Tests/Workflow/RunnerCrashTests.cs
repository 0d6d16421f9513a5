using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Storage.Tables;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>Real runner processes on one storage: killed mid-sequence and restarted, or two at once.</summary>
public sealed class RunnerCrashTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly RecoverySettings FiveSteps = ThreeSteps with
    {
        Sequences = new Dictionary<string, IReadOnlyList<StepDefinition>>
        {
            [SequenceKeys.Default] = Enumerable.Range(1, 5)
                .Select(h => new StepDefinition($"s{h}", TimeSpan.FromHours(h), h % 2 == 0 ? Channel.Popup : Channel.Email, MessageIntent.HelpfulReminder))
                .ToArray(),
        },
    };

    private static readonly string[] AllSteps = ["s1", "s2", "s3", "s4", "s5"];

    [Fact]
    public async Task A_runner_killed_at_any_moment_resumes_every_workflow_with_no_step_lost_or_sent_twice()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        await env.Shops.SaveRecoverySettingsAsync(Shop, FiveSteps, Ct);
        var ids = await StartWorkflowsAsync(env, "kill", 8);

        // The executor waits 150 ms between being called and sending, so kills land before, during and after steps.
        string[] slowSends = ["--Recording:EffectDelayMs=150"];
        var runner = await RunnerProcess.StartAsync(env.ConnectionString, env.Prefix, "runner-a", slowSends);
        var random = new Random(4);
        for (var kill = 0; kill < 4; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 1300)), Ct);
            await runner.DisposeAsync();
            runner = await RunnerProcess.StartAsync(env.ConnectionString, env.Prefix, "runner-a", slowSends);
        }

        await using (runner)
        {
            await WaitUntilAllCompletedAsync(env, ids, runner);
        }

        foreach (var id in ids)
        {
            var effects = await EffectsAsync(env.Tables, id);
            Assert.Equal(AllSteps, effects.Select(e => e.StepId));
        }
    }

    [Fact]
    public async Task Two_runners_on_one_storage_never_both_execute_a_step()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        await env.Shops.SaveRecoverySettingsAsync(Shop, FiveSteps, Ct);
        await using var first = await RunnerProcess.StartAsync(env.ConnectionString, env.Prefix, "runner-a");
        await using var second = await RunnerProcess.StartAsync(env.ConnectionString, env.Prefix, "runner-b");

        var ids = await StartWorkflowsAsync(env, "pair", 16);

        await WaitUntilAllCompletedAsync(env, ids, first);
        var calls = await CallsPerKeyAsync(env.Tables);
        Assert.Equal(ids.Count * AllSteps.Length, calls.Count);
        Assert.All(calls, call => Assert.True(call.Value == 1, $"{call.Key} was executed {call.Value} times"));
        foreach (var id in ids)
        {
            Assert.Equal(AllSteps, (await EffectsAsync(env.Tables, id)).Select(e => e.StepId));
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<IReadOnlyList<string>> StartWorkflowsAsync(RunnerEnvironment env, string prefix, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            await env.Workflows.StartAsync(Cart($"{prefix}-{i}"), now, Ct);
            ids.Add(WorkflowId.For(Shop, $"{prefix}-{i}").Value);
        }

        return ids;
    }

    private static async Task<string> DescribeAsync(RunnerEnvironment env, IReadOnlyList<string> ids)
    {
        var lines = new List<string>();
        var workflows = await env.Tables.GetAsync("Workflows");
        foreach (var id in ids)
        {
            var summary = await env.Index.GetAsync(Shop, id, Ct);
            var row = await workflows.GetEntityIfExistsAsync(id, id, cancellationToken: Ct);
            lines.Add($"{id}: index {summary?.Status} {summary?.StopReason} reached {summary?.StepReached}; state {row?.GetString("Status")} lease {row?.GetString("LeaseOwner")} until {row?.GetDateTimeOffset("LeaseUntil")}");
        }

        var timers = await env.Tables.GetAsync("WorkflowTimers");
        await foreach (var timer in timers.QueryAsync(cancellationToken: Ct))
        {
            lines.Add($"timer {timer.RowKey}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static async Task WaitUntilAllCompletedAsync(RunnerEnvironment env, IReadOnlyList<string> ids, RunnerProcess runner)
    {
        try
        {
            await EventuallyAsync(
                async () =>
                {
                    foreach (var id in ids)
                    {
                        if ((await env.Index.GetAsync(Shop, id, Ct))?.Status != RecoveryStatus.Completed)
                        {
                            return false;
                        }
                    }

                    return true;
                },
                Patience,
                "every recovery completed");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + Environment.NewLine + await DescribeAsync(env, ids) + Environment.NewLine + runner.Output, e);
        }
    }
}
