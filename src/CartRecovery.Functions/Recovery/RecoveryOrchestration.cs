using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// One cart's recovery as a Durable Functions orchestration, driving the same <see cref="RecoveryDecider"/> as the embedded
/// runner: each turn waits on exactly one durable timer (the state's wake-up) and one external event ("signal"), cancels the
/// timer that lost, feeds the winner to the decider, and runs each decided step as an activity retried per Core's
/// <see cref="StepRetryPolicy"/> (<see cref="StepRetryHandler"/>).
/// Deterministic: time is <see cref="TaskOrchestrationContext.CurrentUtcDateTime"/>, all I/O is in activities.
/// </summary>
public static partial class RecoveryOrchestration
{
    public const string Name = "RecoveryOrchestrator";
    public const string SignalEvent = "signal";

    // History grows with every timer, event and activity; starting afresh every few turns keeps replays short.
    private const int TurnsBeforeContinueAsNew = 20;

    [Function(Name)]
    public static async Task<RecoveryState> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var logger = context.CreateReplaySafeLogger(nameof(RecoveryOrchestration));
        var input = context.GetInput<RecoveryOrchestrationInput>() ?? throw new InvalidOperationException("The recovery orchestration needs its input.");
        var retry = input.Retry;

        var state = input.State;
        if (input.Start is { } start)
        {
            state = RecoveryDecider.Decide(state, start).State;
        }

        if (input.Restart is { } restart)
        {
            state = RecoveryDecider.Decide(state, new SignalReceived(Now(context), restart)).State;
        }

        var signals = new SignalInbox(context);
        for (var turn = 0; ; turn++)
        {
            state = await RunStepsAsync(context, state, retry, signals);
            await context.CallActivityAsync(RecoveryActivities.SaveSummary, SequenceSummary.From(state));
            if (state.IsEnded)
            {
                LogEnded(logger, state.WorkflowId, state.Status, state.StopReason);
                return state;
            }

            // Continue as new only when no signal is waiting in this execution: a signal already delivered but not yet taken
            // is handled first. Handing such signals over through ContinueAsNew's "preserve unprocessed events" forwards them
            // to the instance itself, which not every backend keeps (the in-process test engine 0.2.3-preview.1 drops them);
            // signals still in flight go to the new execution as to any other.
            if (turn >= TurnsBeforeContinueAsNew && !signals.HasArrived)
            {
                context.ContinueAsNew(new RecoveryOrchestrationInput(state, null, null, input.Retry));
                return state;
            }

            var wakeAt = state.WakeAt ?? throw new InvalidOperationException($"Active recovery {state.WorkflowId} has no wake-up time.");
            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt.UtcDateTime, timerCancellation.Token);
            if (await Task.WhenAny(timer, signals.Next) == signals.Next)
            {
                timerCancellation.Cancel();
            }
            else
            {
                // An engine may deliver a signal in the same batch as the timer and hand the timer over first (the in-process
                // engine sorts a client's events after timer events). Yield once, so every event of that batch is in, and let a
                // signal that came with the timer win, as on the embedded runner, which applies waiting signals before a due
                // timer. The timer's decision is then not lost: the next turn's timer is due at once.
                await context.CreateTimer(context.CurrentUtcDateTime, CancellationToken.None);
            }

            state = signals.TryTake(out var received)
                ? RecoveryDecider.Decide(state, new SignalReceived(Now(context), received)).State
                : RecoveryDecider.Decide(state, new TimerFired(Now(context))).State;
        }
    }

    /// <summary>Runs the decided step, records its outcome, and repeats while the decider asks for more (overdue steps, in order).</summary>
    private static async Task<RecoveryState> RunStepsAsync(TaskOrchestrationContext context, RecoveryState state, StepRetryPolicy retry, SignalInbox signals)
    {
        while (state.InFlight is { } inFlight)
        {
            var request = inFlight.Request;
            var attempts = StepRetryHandler.For(retry, request.IdempotencyKey);
            StepOutcome outcome;
            try
            {
                outcome = await context.CallActivityAsync<StepOutcome>(RecoveryActivities.RunStep, request, attempts);
            }
            catch (TaskFailedException e)
            {
                // Every attempt failed: the executor ends what the step left unfinished (a message row still sending), the
                // step is recorded as failed with the error, then the decider applies the store's failure policy.
                // The error's short type name, as the embedded runner records it (the failure details carry the full name).
                var errorType = e.FailureDetails.ErrorType;
                var reason = StepOutcome.ReasonFor(errorType[(errorType.LastIndexOf('.') + 1)..], e.FailureDetails.ErrorMessage);
                try
                {
                    outcome = await context.CallActivityAsync<StepOutcome>(RecoveryActivities.GiveUpStep, new StepGiveUp(request, reason), attempts);
                }
                catch (TaskFailedException)
                {
                    outcome = StepOutcome.Failed(reason);
                }
            }

            // Signals delivered while the step ran come before its outcome: an order or opt-out during a catch-up of overdue
            // steps stops the steps after it (the decider records the outcome of the step in flight and starts nothing more).
            while (signals.TryTake(out var received))
            {
                state = RecoveryDecider.Decide(state, new SignalReceived(Now(context), received)).State;
            }

            state = RecoveryDecider.Decide(state, new StepCompleted(Now(context), inFlight.Request.StepId, outcome)).State;
        }

        return state;
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery {WorkflowId} ended: {Status} {StopReason}")]
    private static partial void LogEnded(ILogger logger, string workflowId, RecoveryStatus status, StopReason? stopReason);
}
