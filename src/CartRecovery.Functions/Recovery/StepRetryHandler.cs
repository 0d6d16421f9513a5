using CartRecovery.Core.Workflow;
using Microsoft.DurableTask;

namespace CartRecovery.Functions.Recovery;

/// <summary>
/// The orchestrator's application of Core's <see cref="StepRetryPolicy"/>: a retry handler (not the SDK's declarative
/// RetryPolicy, whose backoff has no jitter) that asks the policy whether another attempt follows and waits the policy's delay
/// on a durable timer. The delay's jitter comes from the step's key, so a replay computes the same timer.
/// </summary>
public static class StepRetryHandler
{
    public static TaskOptions For(StepRetryPolicy policy, string stepKey) => TaskOptions.FromRetryHandler(async retry =>
    {
        if (!policy.RetriesAfter(retry.LastAttemptNumber))
        {
            return false;
        }

        var wakeAt = retry.OrchestrationContext.CurrentUtcDateTime + policy.DelayAfter(retry.LastAttemptNumber, stepKey);
        await retry.OrchestrationContext.CreateTimer(wakeAt, retry.CancellationToken);
        return true;
    });
}
