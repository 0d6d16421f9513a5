using CartRecovery.Core.Options;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Workflow;

/// <summary>The embedded runner's settings: a zero poll would spin, a zero lease would let two runners share a workflow.</summary>
internal sealed class RunnerOptionsValidator : IValidateOptions<RunnerOptions>
{
    public ValidateOptionsResult Validate(string? name, RunnerOptions options) =>
        new OptionsChecks(RunnerOptions.Section)
            .Positive(options.PollInterval, nameof(options.PollInterval))
            .Require(options.Lookahead >= TimeSpan.Zero, nameof(options.Lookahead), "must not be negative", options.Lookahead)
            .Positive(options.LeaseDuration, nameof(options.LeaseDuration))
            .AtLeast(options.MaxConcurrency, 1, nameof(options.MaxConcurrency))
            .AtLeast(options.MaxTimersPerPoll, 1, nameof(options.MaxTimersPerPoll))
            .Result();
}
