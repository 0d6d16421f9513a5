using CartRecovery.Core.Options;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Webhooks;

/// <summary>Rejects webhook settings that would refuse every delivery or never process one.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options) =>
        new OptionsChecks(WebhookOptions.Section)
            .AtLeast(options.MaxBodyBytes, 1, nameof(options.MaxBodyBytes))
            .Positive(options.DedupeRetention, nameof(options.DedupeRetention))
            .AtLeast(options.Partitions, 1, nameof(options.Partitions))
            .AtLeast(options.ProcessingConcurrency, 0, nameof(options.ProcessingConcurrency))
            .AtLeast(options.BusyAbove, 0, nameof(options.BusyAbove))
            .Require(options.PaceWhenBusy >= TimeSpan.Zero, nameof(options.PaceWhenBusy), "must not be negative", options.PaceWhenBusy)
            .Positive(options.SweepInterval, nameof(options.SweepInterval))
            .Require(options.Problems().Count == 0, nameof(options.MaxDeliveryAge), string.Join(" ", options.Problems()), options.MaxDeliveryAge)
            .Result();
}
