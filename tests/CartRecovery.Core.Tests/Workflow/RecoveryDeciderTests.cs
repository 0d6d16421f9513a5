using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using static CartRecovery.Core.Tests.Workflow.WorkflowFixtures;

namespace CartRecovery.Core.Tests.Workflow;

public sealed class RecoveryDeciderTests
{
    [Fact]
    public void The_standard_sequence_runs_popup_then_emails_at_their_delays_and_completes()
    {
        var settings = RecoveryPresets.Defaults with { IncentivesEnabled = true };
        var state = StartedState(settings, Cart(total: 900m));

        var (end, executed) = Drive(state, T0.AddDays(8));

        Assert.Equal(["popup-1h", "email-2h", "email-24h", "email-48h", "email-72h"], executed.Select(r => r.StepId));
        Assert.Equal(RecoveryStatus.Completed, end.Status);
        Assert.Equal([1, 2, 24, 48, 72], end.History.Select(h => (int)(h.At - T0).TotalHours));
        Assert.True(executed.Single(r => r.StepId == "email-72h").IncludeIncentive);
    }

    [Fact]
    public void Conditional_steps_are_skipped_with_their_reason()
    {
        var (end, executed) = Drive(StartedState(RecoveryPresets.Defaults, Cart(total: 80m)), T0.AddDays(8));

        Assert.Equal(["popup-1h", "email-2h", "email-24h"], executed.Select(r => r.StepId));
        Assert.Equal("neither high-value nor low in stock", end.History.Single(h => h.StepId == "email-48h").Reason);
        Assert.Equal("incentives are not enabled for this store", end.History.Single(h => h.StepId == "email-72h").Reason);
        Assert.All(end.History.Where(h => h.StepId is "email-48h" or "email-72h"), h => Assert.Equal(StepStatus.Skipped, h.Status));
    }

    [Fact]
    public void A_low_stock_cart_gets_the_scarcity_email()
    {
        var (_, executed) = Drive(StartedState(RecoveryPresets.Defaults, Cart(total: 80m, lowStock: true)), T0.AddDays(8));

        Assert.Contains("email-48h", executed.Select(r => r.StepId));
    }

    [Theory]
    [InlineData(ConsentState.NotSubscribed, "shopper@example.com", "no email marketing consent (NotSubscribed)")]
    [InlineData(ConsentState.Unknown, "shopper@example.com", "no email marketing consent (Unknown)")]
    [InlineData(ConsentState.Subscribed, null, "no email address")]
    public void An_email_step_without_address_or_consent_is_skipped(ConsentState consent, string? email, string reason)
    {
        var (end, executed) = Drive(StartedState(Settings(), Cart(emailConsent: consent, email: email)), T0.AddDays(1));

        Assert.Equal(["b"], executed.Select(r => r.StepId));
        Assert.Equal(reason, end.History.Single(h => h.StepId == "a").Reason);
    }

    [Fact]
    public void Delays_are_divided_by_the_time_scale_and_so_is_the_expiry()
    {
        var decision = RecoveryDecider.Decide(RecoveryState.New(Id), Started(timeScale: 3600));

        Assert.Equal(T0.AddSeconds(1), decision.State.WakeAt);
        Assert.Equal(T0.AddSeconds(10), decision.State.ExpiresAt);
    }

    [Fact]
    public void Each_step_carries_the_idempotency_key_of_store_cart_step_and_channel()
    {
        var (_, executed) = Drive(StartedState(Settings()), T0.AddDays(1));

        Assert.Equal($"{Shop}/{CartKey}/a/email", executed[0].IdempotencyKey);
        Assert.Equal(Id, executed[0].WorkflowId);
    }

    [Fact]
    public void A_restart_runs_the_sequence_again_under_new_idempotency_keys_counting_from_the_restart()
    {
        var (done, first) = Drive(StartedState(Settings()), T0.AddDays(1));
        var restartAt = T0.AddHours(5);
        var restarted = RecoveryDecider.Decide(done, Signal(new MerchantRestart(restartAt))).State;

        var (end, second) = Drive(restarted, T0.AddDays(1));

        Assert.Equal(restartAt.AddHours(1), end.History.Single(h => h.ExecutionId == "a.r1").At);
        Assert.Equal(["a.r1", "b.r1"], second.Select(r => r.StepId));
        Assert.Empty(first.Select(r => r.IdempotencyKey).Intersect(second.Select(r => r.IdempotencyKey)));
        Assert.Equal(RecoveryStatus.Completed, end.Status);
    }

    [Fact]
    public void A_cart_change_keeps_the_schedule_but_later_steps_use_the_new_contents()
    {
        var updated = Cart(total: 300m);
        var state = Run(StartedState(Settings()), Signal(new CartUpdated(T0.AddMinutes(30), updated))).State;

        var (_, executed) = Drive(state, T0.AddDays(1));

        Assert.Equal(T0.AddHours(1), state.WakeAt);
        Assert.All(executed, r => Assert.Equal(300m, r.Cart.TotalPrice));
    }

    [Fact]
    public void With_restart_on_cart_change_a_cart_change_restarts_the_sequence()
    {
        var state = Run(StartedState(Settings(restartOnCartChange: true)), Signal(new CartUpdated(T0.AddMinutes(30), Cart(total: 300m)))).State;

        Assert.Equal(1, state.Generation);
        Assert.Equal(T0.AddMinutes(90), state.WakeAt);
    }

    [Fact]
    public void A_channel_opt_out_skips_that_channel_and_keeps_the_others()
    {
        var state = Run(StartedState(Settings()), Signal(new OptedOut(T0.AddMinutes(10), Channel.Email))).State;

        var (end, executed) = Drive(state, T0.AddDays(1));

        Assert.Equal(["b"], executed.Select(r => r.StepId));
        Assert.Equal("the shopper opted out of email", end.History.Single(h => h.StepId == "a").Reason);
    }

    [Fact]
    public void A_step_that_needs_the_previous_message_opened_runs_only_after_an_open()
    {
        var steps = new StepDefinition[]
        {
            new("a", TimeSpan.FromHours(1), Channel.Email, MessageIntent.HelpfulReminder),
            new("b", TimeSpan.FromHours(2), Channel.Email, MessageIntent.SocialProof, Conditions: new StepConditions(RequiresPreviousOpened: true)),
        };
        var (afterA, _) = Drive(StartedState(Settings(steps)), T0.AddMinutes(61));

        var (notOpened, _) = Drive(afterA, T0.AddDays(1));
        var (opened, executed) = Drive(Run(afterA, Signal(new MessageEngaged(T0.AddMinutes(70), "a", false))).State, T0.AddDays(1));

        Assert.Equal("the previous message was not opened", notOpened.History.Single(h => h.StepId == "b").Reason);
        Assert.Equal(["b"], executed.Select(r => r.StepId));
        Assert.Equal(StepStatus.Sent, opened.History.Single(h => h.StepId == "b").Status);
    }

    [Theory]
    [InlineData(StepFailurePolicy.ContinueWithNextStep, RecoveryStatus.Completed, new[] { "a", "b" })]
    [InlineData(StepFailurePolicy.StopSequence, RecoveryStatus.Stopped, new[] { "a" })]
    public void A_failed_step_is_recorded_and_the_policy_decides_what_follows(StepFailurePolicy policy, RecoveryStatus status, string[] ran)
    {
        var (end, executed) = Drive(StartedState(Settings(onFailure: policy)), T0.AddDays(1), r => r.StepId == "a" ? StepOutcome.Failed("provider said 500") : StepOutcome.Sent("m"));

        Assert.Equal(ran, executed.Select(r => r.StepId));
        Assert.Equal(status, end.Status);
        var failed = end.History.Single(h => h.StepId == "a");
        Assert.Equal((StepStatus.Failed, "provider said 500"), (failed.Status, failed.Reason));
    }

    [Fact]
    public void Overdue_steps_run_in_order_one_at_a_time_when_the_timer_is_late()
    {
        var late = RecoveryDecider.Decide(StartedState(Settings()), new TimerFired(T0.AddHours(3)));

        var run = Assert.IsType<RunStep>(Assert.Single(late.Commands));
        Assert.Equal("a", run.Request.StepId);
        var next = RecoveryDecider.Decide(late.State, new StepCompleted(T0.AddHours(3), "a", StepOutcome.Sent("m")));
        Assert.Equal("b", Assert.IsType<RunStep>(Assert.Single(next.Commands)).Request.StepId);
    }

    [Fact]
    public void An_outcome_recorded_after_a_stop_is_kept_in_the_history_and_nothing_follows()
    {
        var inFlight = RecoveryDecider.Decide(StartedState(Settings()), new TimerFired(T0.AddHours(1))).State;
        var stopped = RecoveryDecider.Decide(inFlight, Signal(new OrderPlaced(T0.AddMinutes(61), 1, 1m, "EUR", [], null))).State;

        var after = RecoveryDecider.Decide(stopped, new StepCompleted(T0.AddMinutes(62), "a", StepOutcome.Sent("m")));

        Assert.Empty(after.Commands);
        Assert.Equal(StepStatus.Sent, after.State.History.Single().Status);
        Assert.Null(after.State.InFlight);
        Assert.Equal(StopReason.Purchased, after.State.StopReason);
    }

    [Fact]
    public void A_restart_while_a_step_is_in_flight_takes_effect_when_the_step_is_recorded()
    {
        var inFlight = RecoveryDecider.Decide(StartedState(Settings()), new TimerFired(T0.AddHours(1))).State;
        var restarted = RecoveryDecider.Decide(inFlight, Signal(new MerchantRestart(T0.AddMinutes(61)))).State;

        var after = RecoveryDecider.Decide(restarted, new StepCompleted(T0.AddMinutes(62), "a", StepOutcome.Sent("m")));

        Assert.Equal(0, after.State.NextStepIndex);
        Assert.Equal(T0.AddMinutes(121), Assert.IsType<ScheduleTimer>(Assert.Single(after.Commands)).DueAt);
    }

    [Theory]
    [InlineData(0, 0, false, Segment.FirstTime)]
    [InlineData(3, 900, false, Segment.HighValue)]
    [InlineData(3, 100, true, Segment.LowStock)]
    [InlineData(3, 100, false, Segment.Returning)]
    public void The_segment_picks_its_own_sequence(int orders, decimal spent, bool lowStock, Segment segment)
    {
        var own = new StepDefinition[] { new("own", TimeSpan.FromHours(1), Channel.Popup, MessageIntent.HelpfulReminder) };
        var settings = Settings() with
        {
            Sequences = new Dictionary<string, IReadOnlyList<StepDefinition>>
            {
                [SequenceKeys.Default] = Settings().Sequences[SequenceKeys.Default],
                [SequenceKeys.For(segment)] = own,
            },
        };
        var cart = Cart(customer: new CustomerSnapshot(5, "Ada", null, orders, spent), lowStock: lowStock);

        var state = StartedState(settings, cart);

        Assert.Equal(segment, state.Segment);
        Assert.Same(own, state.Steps);
    }

    [Fact]
    public void The_state_round_trips_through_json()
    {
        var state = RecoveryDecider.Decide(StartedState(RecoveryPresets.Defaults), new TimerFired(T0.AddHours(1))).State;

        var json = System.Text.Json.JsonSerializer.Serialize(state, WorkflowJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<RecoveryState>(json, WorkflowJson.Options)!;

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, WorkflowJson.Options));
        Assert.Equal(state.InFlight!.Request.IdempotencyKey, back.InFlight!.Request.IdempotencyKey);
        Assert.Contains("\"popup\"", json, StringComparison.Ordinal);
    }
}
