using CartRecovery.Core.Workflow;

namespace CartRecovery.Functions.Recovery;

/// <summary><see cref="RecoveryOptions"/>' retry values, carried in the orchestration input because an orchestrator may not read configuration.</summary>
public sealed record StepRetrySettings(int MaxAttempts, TimeSpan FirstRetryDelay, TimeSpan MaxRetryDelay)
{
    public static StepRetrySettings From(RecoveryOptions options) => new(options.StepMaxAttempts, options.StepFirstRetryDelay, options.StepMaxRetryDelay);
}
