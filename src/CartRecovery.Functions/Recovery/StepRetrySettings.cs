using CartRecovery.Core.Workflow;
using Microsoft.DurableTask;

namespace CartRecovery.Functions.Recovery;

/// <summary><see cref="RecoveryOptions"/>' retry values, carried in the orchestration input because an orchestrator may not read configuration.</summary>
public sealed record StepRetrySettings(int MaxAttempts, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay)
{
    public static StepRetrySettings From(RecoveryOptions options) => new(options.StepMaxAttempts, options.StepFirstRetryDelay, options.StepMaxRetryDelay);

    /// <summary>
    /// The activity retry options: delays double up to <see cref="MaxRetryDelay"/>. The SDK's <see cref="RetryPolicy"/>
    /// constructor throws for values it rejects (a first delay of zero or less, a maximum below the first);
    /// <see cref="RecoveryOptionsValidator"/> rejects the same values when the host starts, so a bad setting stops the host
    /// instead of failing every orchestration at its first step.
    /// </summary>
    public TaskOptions ToTaskOptions() => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: MaxAttempts,
        firstRetryInterval: FirstRetryDelay,
        backoffCoefficient: 2.0,
        maxRetryInterval: MaxRetryDelay));
}
