using System.Text.Json;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using static CartRecovery.Core.Tests.Workflow.WorkflowFixtures;

namespace CartRecovery.Core.Tests.Targeting;

/// <summary>A step an eligibility filter defers: recorded with its reason, the same step runs again at the time, never dropped.</summary>
public sealed class DeferralDeciderTests
{
    private static RunStep RunStepOf(RecoveryDecision decision) => Assert.IsType<RunStep>(Assert.Single(decision.Commands));

    [Fact]
    public void A_deferred_step_waits_for_its_time_and_then_runs_again_with_the_same_key()
    {
        var started = RecoveryDecider.Decide(StartedState(Settings()), new TimerFired(T0.AddHours(1)));
        var first = RunStepOf(started).Request;
        var until = T0.AddHours(9);

        var deferred = RecoveryDecider.Decide(started.State, new StepCompleted(T0.AddHours(1), first.StepId, StepOutcome.Deferred(until, "quiet-hours: 22:00 in Europe/Berlin")));

        var record = deferred.State.History.Last();
        Assert.Equal(StepStatus.Deferred, record.Status);
        Assert.Equal("quiet-hours: 22:00 in Europe/Berlin", record.Reason);
        Assert.Equal(until, record.Until);
        Assert.Equal(0, deferred.State.NextStepIndex);
        Assert.Equal(until, Assert.IsType<ScheduleTimer>(Assert.Single(deferred.Commands)).DueAt);

        // A timer before the deferral (the popup's due time) runs nothing; the deferral's own timer runs the same step.
        Assert.Empty(RecoveryDecider.Decide(deferred.State, new TimerFired(T0.AddHours(2))).Commands.OfType<RunStep>());
        var again = RunStepOf(RecoveryDecider.Decide(deferred.State, new TimerFired(until)));
        Assert.Equal(first.StepId, again.Request.StepId);
        Assert.Equal(first.IdempotencyKey, again.Request.IdempotencyKey);
    }

    [Fact]
    public void After_the_deferred_step_completes_the_next_step_is_due_at_once_and_not_deferred()
    {
        var started = RecoveryDecider.Decide(StartedState(Settings()), new TimerFired(T0.AddHours(1)));
        var request = RunStepOf(started).Request;
        var deferred = RecoveryDecider.Decide(started.State, new StepCompleted(T0.AddHours(1), request.StepId, StepOutcome.Deferred(T0.AddHours(3), "frequency-cap: smart sending")));
        var rerun = RecoveryDecider.Decide(deferred.State, new TimerFired(T0.AddHours(3)));

        var sent = RecoveryDecider.Decide(rerun.State, new StepCompleted(T0.AddHours(3), request.StepId, StepOutcome.Sent("m1")));

        Assert.Null(sent.State.DeferredUntil);
        Assert.Equal("b", RunStepOf(sent).Request.StepId); // the popup was due at 2 h: it runs now
        Assert.Equal([StepStatus.Deferred, StepStatus.Sent], sent.State.History.Select(h => h.Status));
    }

    [Fact]
    public void A_deferral_past_the_expiry_ends_the_recovery_as_expired_at_the_expiry()
    {
        var started = RecoveryDecider.Decide(StartedState(Settings()), new TimerFired(T0.AddHours(1)));
        var request = RunStepOf(started).Request;

        var deferred = RecoveryDecider.Decide(started.State, new StepCompleted(T0.AddHours(1), request.StepId, StepOutcome.Deferred(T0.AddDays(2), "frequency-cap: recovery cap")));

        Assert.Equal(deferred.State.ExpiresAt, Assert.IsType<ScheduleTimer>(Assert.Single(deferred.Commands)).DueAt);
        var end = RecoveryDecider.Decide(deferred.State, new TimerFired(deferred.State.ExpiresAt));
        Assert.Equal(StopReason.Expired, end.State.StopReason);
    }

    [Fact]
    public void The_deferral_survives_serialisation_of_the_state()
    {
        var started = RecoveryDecider.Decide(StartedState(Settings()), new TimerFired(T0.AddHours(1)));
        var request = RunStepOf(started).Request;
        var deferred = RecoveryDecider.Decide(started.State, new StepCompleted(T0.AddHours(1), request.StepId, StepOutcome.Deferred(T0.AddHours(5), "quiet-hours")));

        var json = JsonSerializer.Serialize(deferred.State, WorkflowJson.Options);
        var restored = JsonSerializer.Deserialize<RecoveryState>(json, WorkflowJson.Options)!;

        Assert.Equal(T0.AddHours(5), restored.DeferredUntil);
        Assert.Equal(T0.AddHours(5), restored.History.Last().Until);
        Assert.Empty(RecoveryDecider.Decide(restored, new TimerFired(T0.AddHours(4))).Commands.OfType<RunStep>());
        Assert.Equal(request.StepId, RunStepOf(RecoveryDecider.Decide(restored, new TimerFired(T0.AddHours(5)))).Request.StepId);
    }
}
