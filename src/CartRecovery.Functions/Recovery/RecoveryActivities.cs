using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// The orchestration's side effects, each a thin adapter over the same port the embedded runner uses. The methods take only
/// their input, the client and a cancellation token (no FunctionContext), so tests register these very methods as
/// function-style activities on the Durable Task engine.
/// </summary>
public sealed class RecoveryActivities(IStepExecutor executor, StepRetryPolicy policy, TimeProvider time, ISequenceIndex index)
{
    public const string RunStep = "RecoveryRunStep";
    public const string GiveUpStep = "RecoveryGiveUpStep";
    public const string SaveSummary = "RecoverySaveSummary";

    /// <summary>
    /// One attempt of a step (compose, check consent, send, record) under the policy's attempt timeout; idempotent on the
    /// request's key, so a retried or replayed activity never sends twice. The orchestrator retries it per the policy.
    /// </summary>
    /// <remarks>
    /// Terminating an orchestration does not recall an activity it already scheduled: an erasure (customers/redact) that
    /// terminates the recovery while a step waits in the activity queue would otherwise still send that step after the
    /// erasure. So an attempt first checks that its recovery is still running and skips the step when it is not.
    /// </remarks>
    [Function(RunStep)]
    public async Task<StepOutcome> RunStepAsync([ActivityTrigger] StepRequest request, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        var instance = await client.GetInstanceAsync(request.WorkflowId, getInputsAndOutputs: false, cancellationToken);
        if (!DurableRecoveryWorkflows.IsRunning(instance))
        {
            return StepOutcome.Skipped("the recovery ended before the step ran (terminated or erased)");
        }

        return await StepAttempt.RunAsync(executor, request, policy, time, cancellationToken);
    }

    /// <summary>The step's attempts ran out: whatever it left unfinished ends failed (no message row stays "sending").</summary>
    [Function(GiveUpStep)]
    public Task<StepOutcome> GiveUpStepAsync([ActivityTrigger] StepGiveUp giveUp, CancellationToken cancellationToken) =>
        executor.GiveUpAsync(giveUp.Request, giveUp.Reason, cancellationToken);

    /// <summary>
    /// The read model behind the merchant API and the per-customer and per-store signals. An activity may run after its
    /// orchestration was terminated and purged by an erasure, so it never re-creates the summary of a purged instance.
    /// </summary>
    [Function(SaveSummary)]
    public Task SaveSummaryAsync([ActivityTrigger] SequenceSummary summary, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        index.SaveUnlessErasedAsync(summary, async ct => await client.GetInstanceAsync(summary.Id, getInputsAndOutputs: false, ct) is not null, cancellationToken);
}
