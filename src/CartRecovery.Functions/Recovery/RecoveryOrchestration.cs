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

        Task<SignalEnvelope>? signal = null;
        for (var turn = 0; ; turn++)
        {
            state = await RunStepsAsync(context, state, retry);
            await context.CallActivityAsync(RecoveryActivities.SaveSummary, SequenceSummary.From(state));
            if (state.IsEnded)
            {
                LogEnded(logger, state.WorkflowId, state.Status, state.StopReason);
                return state;
            }

            // A wait that lost the previous race is still pending and will receive the next signal: reuse it, never start a second.
            signal ??= context.WaitForExternalEvent<SignalEnvelope>(SignalEvent);

            // Continue as new only when no signal is waiting in this execution: a signal already delivered but not yet awaited
            // completes the wait at once, and is handled first. Handing such signals over through ContinueAsNew's "preserve
            // unprocessed events" forwards them to the instance itself, which not every backend keeps (the in-process test
            // engine 0.2.3-preview.1 drops them); signals still in flight go to the new execution as to any other.
            if (turn >= TurnsBeforeContinueAsNew && !signal.IsCompleted)
            {
                context.ContinueAsNew(new RecoveryOrchestrationInput(state, null, null, input.Retry));
                return state;
            }

            var wakeAt = state.WakeAt ?? throw new InvalidOperationException($"Active recovery {state.WorkflowId} has no wake-up time.");
            using var timerCancellation = new CancellationTokenSource();
            var timer = context.CreateTimer(wakeAt.UtcDateTime, timerCancellation.Token);
            if (await Task.WhenAny(timer, signal) == signal)
            {
                timerCancellation.Cancel();
                var received = signal.Result.Signal;
                signal = null;
                state = RecoveryDecider.Decide(state, new SignalReceived(Now(context), received)).State;
            }
            else
            {
                state = RecoveryDecider.Decide(state, new TimerFired(Now(context))).State;
            }
        }
    }

    /// <summary>Runs the decided step, records its outcome, and repeats while the decider asks for more (overdue steps, in order).</summary>
    private static async Task<RecoveryState> RunStepsAsync(TaskOrchestrationContext context, RecoveryState state, StepRetryPolicy retry)
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

            state = RecoveryDecider.Decide(state, new StepCompleted(Now(context), inFlight.Request.StepId, outcome)).State;
        }

        return state;
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    [LoggerMessage(Level = LogLevel.Information, Message = "Recovery {WorkflowId} ended: {Status} {StopReason}")]
    private static partial void LogEnded(ILogger logger, string workflowId, RecoveryStatus status, StopReason? stopReason);
}
