using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// The recovery workflow as a pure function: <c>Decide(state, event) -> (state, commands)</c>. Both hosts (the embedded
/// runner and the Durable Functions orchestrator) drive it, so every timing, condition and stop rule lives here once.
/// Every event is accepted in every state; one that does not apply leaves the state as it is and commands nothing.
/// </summary>
public static class RecoveryDecider
{
    public static RecoveryDecision Decide(RecoveryState state, RecoveryEvent @event) => @event switch
    {
        RecoveryStarted started => Start(state, started),
        TimerFired timer => state.Status == RecoveryStatus.Active && state.InFlight is null ? Advance(state, timer.At) : Unchanged(state),
        StepCompleted completed => Complete(state, completed),
        SignalReceived { Signal: var signal, At: var at } => Apply(state, signal, at),
        _ => throw new ArgumentOutOfRangeException(nameof(@event), @event.GetType().Name, "unknown recovery event"),
    };

    /// <summary>Whether a merchant restart would start the sequence again (not after a purchase, an opt-out, a gone cart, a supersession or an uninstall).</summary>
    public static bool CanRestart(RecoveryState state) => CanRestart(state.Status, state.StopReason);

    /// <inheritdoc cref="CanRestart(RecoveryState)"/>
    public static bool CanRestart(RecoveryStatus status, StopReason? stopReason) =>
        status is RecoveryStatus.Active or RecoveryStatus.Completed
        || stopReason is StopReason.MerchantStopped or StopReason.Expired or StopReason.StepFailed;

    private static RecoveryDecision Start(RecoveryState state, RecoveryStarted started)
    {
        if (state.Status == RecoveryStatus.Active)
        {
            return Unchanged(state); // one workflow per cart: a second abandonment of a running recovery changes nothing
        }

        var fresh = state with
        {
            Status = RecoveryStatus.Active,
            Cart = started.Cart,
            Settings = started.Settings,
            TimeScale = started.TimeScale > 0 ? started.TimeScale : 1,
            AbandonedAt = started.AbandonedAt,
            StopReason = null,
            StopNote = null,
            EndedAt = null,
        };
        return BeginRun(fresh, started.AbandonedAt, started.At);
    }

    private static RecoveryState NewRun(RecoveryState state, DateTimeOffset from)
    {
        var run = state with
        {
            Generation = state.Generation + 1,
            Segment = SegmentClassifier.Classify(state.Cart!, state.Settings!),
            RunStartedAt = from,
            NextStepIndex = 0,
            DeferredUntil = null,
        };
        return run with { ExpiresAt = from + RecoveryState.Scale(state.Settings!.Expiry, run.TimeScale) };
    }

    /// <summary>Runs or skips whatever is due at <paramref name="now"/>, then waits for the next step or the expiry.</summary>
    private static RecoveryDecision Advance(RecoveryState state, DateTimeOffset now)
    {
        var commands = new List<RecoveryCommand>();
        while (true)
        {
            if (now >= state.ExpiresAt)
            {
                return Stop(state, StopReason.Expired, null, now, commands);
            }

            if (state.NextStepIndex >= state.Steps.Count)
            {
                return End(state with { Status = RecoveryStatus.Completed }, now, commands, new FinishRecovery(RecoveryStatus.Completed, null));
            }

            var step = state.Steps[state.NextStepIndex];
            var due = state.DeferredUntil is { } deferred && deferred > state.DueAt(step) ? deferred : state.DueAt(step);
            if (due > now)
            {
                var wake = due < state.ExpiresAt ? due : state.ExpiresAt;
                commands.Add(new ScheduleTimer(wake));
                return new(state with { WakeAt = wake }, commands);
            }

            var executionId = ExecutionId(step.Id, state.Generation);
            if (StepEligibility.SkipReason(state, step) is { } reason)
            {
                var skipped = new StepRecord(executionId, step.Id, state.NextStepIndex, state.Generation, step.Channel, StepStatus.Skipped, reason, null, now);
                state = state with { History = [.. state.History, skipped], NextStepIndex = state.NextStepIndex + 1, DeferredUntil = null };
                continue;
            }

            var cart = state.Cart!;
            var request = new StepRequest(
                state.WorkflowId,
                cart,
                executionId,
                state.NextStepIndex,
                step.Channel,
                step.Intent,
                step.Incentive,
                null,
                StepRequest.KeyFor(cart.Shop, cart.CartKey, executionId, step.Channel));
            commands.Add(new RunStep(request));
            return new(state with { InFlight = new InFlightStep(request, state.Generation, now), WakeAt = null }, commands);
        }
    }

    private static RecoveryDecision Complete(RecoveryState state, StepCompleted completed)
    {
        if (state.InFlight is not { } inFlight || inFlight.Request.StepId != completed.ExecutionId)
        {
            return Unchanged(state); // a duplicate or stale outcome: the step was already recorded
        }

        var request = inFlight.Request;
        var outcome = completed.Outcome;
        if (outcome.Kind == StepOutcomeKind.Deferred)
        {
            return Defer(state, inFlight, outcome, completed.At);
        }

        var status = outcome.Kind switch
        {
            StepOutcomeKind.Sent => StepStatus.Sent,
            StepOutcomeKind.Skipped => StepStatus.Skipped,
            _ => StepStatus.Failed,
        };
        var record = new StepRecord(request.StepId, StepIdOf(request.StepId), request.StepIndex, inFlight.Generation, request.Channel, status, outcome.Reason, outcome.MessageId, completed.At);
        var next = state with
        {
            InFlight = null,
            History = [.. state.History, record],

            // A restart while the step was in flight already reset the run; the outcome is recorded but moves nothing.
            NextStepIndex = inFlight.Generation == state.Generation ? request.StepIndex + 1 : state.NextStepIndex,
            DeferredUntil = inFlight.Generation == state.Generation ? null : state.DeferredUntil,
        };

        if (next.Status != RecoveryStatus.Active)
        {
            return Unchanged(next);
        }

        if (status == StepStatus.Failed && next.Settings!.OnStepFailure == Settings.StepFailurePolicy.StopSequence)
        {
            return Stop(next, StopReason.StepFailed, outcome.Reason, completed.At, []);
        }

        return Advance(next, completed.At);
    }

    /// <summary>
    /// An eligibility filter held the step back: recorded as deferred (with the filter and reason), and the same step waits
    /// until the given time, when it runs again through every filter. Never dropped: only a stop or the expiry ends it.
    /// </summary>
    private static RecoveryDecision Defer(RecoveryState state, InFlightStep inFlight, StepOutcome outcome, DateTimeOffset at)
    {
        var request = inFlight.Request;
        var until = outcome.Until is { } u && u > at ? u : at + MinimumDeferral;
        var record = new StepRecord(request.StepId, StepIdOf(request.StepId), request.StepIndex, inFlight.Generation, request.Channel, StepStatus.Deferred, outcome.Reason, null, at)
        {
            Until = until,
        };
        var current = inFlight.Generation == state.Generation;
        var next = state with
        {
            InFlight = null,
            History = [.. state.History, record],
            DeferredUntil = current ? until : state.DeferredUntil,
        };
        return next.Status == RecoveryStatus.Active ? Advance(next, at) : Unchanged(next);
    }

    /// <summary>A deferral without a later time still waits this long, so a filter that keeps deferring cannot spin the workflow.</summary>
    private static readonly TimeSpan MinimumDeferral = TimeSpan.FromMinutes(1);

    private static RecoveryDecision Apply(RecoveryState state, RecoverySignal signal, DateTimeOffset at)
    {
        if (signal is MessageEngaged engaged)
        {
            return Unchanged(state.Engaged.Contains(engaged.StepId) ? state : state with { Engaged = [.. state.Engaged, engaged.StepId] });
        }

        if (signal is MerchantRestart)
        {
            return state.Status != RecoveryStatus.New && CanRestart(state) ? Restart(state, at) : Unchanged(state);
        }

        if (state.Status != RecoveryStatus.Active)
        {
            return Unchanged(state);
        }

        return signal switch
        {
            OrderPlaced => Stop(state, StopReason.Purchased, null, at, []),
            OptedOut { Channel: null } => Stop(state, StopReason.OptedOut, null, at, []),
            OptedOut { Channel: { } channel } => Unchanged(state.OptedOutChannels.Contains(channel) ? state : state with { OptedOutChannels = [.. state.OptedOutChannels, channel] }),
            CartUpdated { Cart.Lines.Count: 0 } => Stop(state, StopReason.CartGone, "the cart was emptied", at, []),
            CartUpdated updated => state.Settings!.RestartOnCartChange ? Restart(state with { Cart = updated.Cart }, at) : Unchanged(state with { Cart = updated.Cart }),
            CartGone => Stop(state, StopReason.CartGone, null, at, []),
            MerchantStop stop => Stop(state, StopReason.MerchantStopped, stop.Reason, at, []),
            StoreRemoved => Stop(state, StopReason.StoreRemoved, null, at, []),
            Superseded superseded => Stop(state, StopReason.Superseded, null, at, []),
            _ => throw new ArgumentOutOfRangeException(nameof(signal), signal.GetType().Name, "unknown recovery signal"),
        };
    }

    private static RecoveryDecision Restart(RecoveryState state, DateTimeOffset at) =>
        BeginRun(state with { Status = RecoveryStatus.Active, StopReason = null, StopNote = null, EndedAt = null }, at, at);

    /// <summary>A new run counts its delays from <paramref name="from"/>; a step still in flight from the old run finishes first.</summary>
    private static RecoveryDecision BeginRun(RecoveryState state, DateTimeOffset from, DateTimeOffset now)
    {
        var run = NewRun(state, from);
        return run.InFlight is null ? Advance(run, now) : Unchanged(run with { WakeAt = null });
    }

    private static RecoveryDecision Stop(RecoveryState state, StopReason reason, string? note, DateTimeOffset at, List<RecoveryCommand> commands) =>
        End(state with { Status = RecoveryStatus.Stopped, StopReason = reason, StopNote = note }, at, commands, new FinishRecovery(RecoveryStatus.Stopped, reason));

    private static RecoveryDecision End(RecoveryState state, DateTimeOffset at, List<RecoveryCommand> commands, FinishRecovery finish)
    {
        commands.Add(finish);
        return new(state with { WakeAt = null, EndedAt = at }, commands);
    }

    private static RecoveryDecision Unchanged(RecoveryState state) => new(state, []);

    /// <summary>The id a step runs under: its configured id in the first run, suffixed by the run after a restart, so a restart sends again.</summary>
    public static string ExecutionId(string stepId, int generation) => generation == 0 ? stepId : $"{stepId}.r{generation}";

    private static string StepIdOf(string executionId) => executionId.Split(".r")[0];
}
