using CartRecovery.Core.Options;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Workflow;

/// <summary>
/// The values both engines accept: the embedded runner's Polly pipeline and the Durable orchestrator's retry policy reject
/// the same ones, so a bad value stops either host at start rather than failing the first step of every recovery.
/// </summary>
public sealed class RecoveryOptionsValidator : IValidateOptions<RecoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, RecoveryOptions options) =>
        new OptionsChecks(RecoveryOptions.Section)
            .Require(double.IsFinite(options.TimeScale) && options.TimeScale > 0, nameof(options.TimeScale), "must be a positive number", options.TimeScale)
            .AtLeast(options.StepMaxAttempts, 1, nameof(options.StepMaxAttempts))
            .Positive(options.StepFirstRetryDelay, nameof(options.StepFirstRetryDelay))
            .Require(options.StepMaxRetryDelay >= options.StepFirstRetryDelay, nameof(options.StepMaxRetryDelay), "must not be shorter than Recovery:StepFirstRetryDelay", options.StepMaxRetryDelay)
            .Positive(options.StepAttemptTimeout, nameof(options.StepAttemptTimeout))
            .Result();
}
