using CartRecovery.Core.Options;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Abandonment;

/// <summary>A threshold of zero would call every cart abandoned at once; a zero poll would spin.</summary>
public sealed class AbandonmentOptionsValidator : IValidateOptions<AbandonmentOptions>
{
    public ValidateOptionsResult Validate(string? name, AbandonmentOptions options) =>
        new OptionsChecks(AbandonmentOptions.Section)
            .Positive(options.Threshold, nameof(options.Threshold))
            .Positive(options.MaxIdlePoll, nameof(options.MaxIdlePoll))
            .Result();
}
