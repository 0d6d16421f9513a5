using CartRecovery.Core.Options;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Reconciliation;

/// <summary>A zero interval would poll every shop's Admin API in a loop.</summary>
public sealed class ReconciliationOptionsValidator : IValidateOptions<ReconciliationOptions>
{
    public ValidateOptionsResult Validate(string? name, ReconciliationOptions options) =>
        new OptionsChecks(ReconciliationOptions.Section)
            .Positive(options.Interval, nameof(options.Interval))
            .Positive(options.InitialLookback, nameof(options.InitialLookback))
            .Positive(options.Overlap, nameof(options.Overlap))
            .Require(options.PageSize is >= 1 and <= 250, nameof(options.PageSize), "must be between 1 and 250", options.PageSize)
            .Result();
}
