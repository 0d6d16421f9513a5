using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using static CartRecovery.RecoveryScenarios.ScenarioData;

namespace CartRecovery.RecoveryScenarios;

/// <summary>A step whose provider keeps failing: retried with backoff, recorded as failed, then the store's failure policy.</summary>
public abstract class FailureScenarios : RecoveryScenarioBase
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(300);

    private static EngineSettings Failing => new(StepMaxAttempts: 3, FirstRetryDelay: FirstRetryDelay, MaxRetryDelay: TimeSpan.FromSeconds(1), AlwaysFailStepId: "s2");

    [Fact]
    public async Task A_failing_step_is_retried_with_backoff_then_recorded_failed_and_the_sequence_goes_on()
    {
        await using var engine = await StartAsync(ThreeSteps with { OnStepFailure = StepFailurePolicy.ContinueWithNextStep }, Failing);
        var id = IdOf("failing");
        await engine.Workflows.StartAsync(Cart("failing"), DateTimeOffset.UtcNow, Ct);

        var summary = await EndedAsync(engine, id);
        Assert.Equal(RecoveryStatus.Completed, summary.Status);
        await AssertFailedAfterBackoffAsync(engine, summary);
        Assert.Equal(["s1", "s3"], await SentAsync(engine, id));
    }

    [Fact]
    public async Task A_failing_step_stops_the_recovery_where_the_store_says_so()
    {
        await using var engine = await StartAsync(ThreeSteps with { OnStepFailure = StepFailurePolicy.StopSequence }, Failing);
        var id = IdOf("failing-stop");
        await engine.Workflows.StartAsync(Cart("failing-stop"), DateTimeOffset.UtcNow, Ct);

        var summary = await EndedAsync(engine, id);
        Assert.Equal((RecoveryStatus.Stopped, StopReason.StepFailed), (summary.Status, summary.StopReason));
        await AssertFailedAfterBackoffAsync(engine, summary);
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // past s3's due time
        Assert.Equal(["s1"], await SentAsync(engine, id));
    }

    private static async Task AssertFailedAfterBackoffAsync(IRecoveryEngine engine, Core.Workflow.Sequences.SequenceSummary summary)
    {
        var failed = summary.Steps.Single(s => s.StepId == "s2");
        Assert.Equal(StepStatus.Failed, failed.Status);
        Assert.Equal("HttpRequestException: provider unavailable (injected)", failed.Reason); // the same record on every engine

        var calls = await ScenarioData.CallsAsync(engine.Tables, $"{Shop}/{summary.CartKey}/s2/popup");
        Assert.Equal(3, calls.Count);

        // Immediate retries would land milliseconds apart; with backoff the attempts span at least the first retry delay.
        Assert.True(calls[^1] - calls[0] >= FirstRetryDelay, $"three attempts within {(calls[^1] - calls[0]).TotalMilliseconds:0} ms: no backoff");
    }
}
