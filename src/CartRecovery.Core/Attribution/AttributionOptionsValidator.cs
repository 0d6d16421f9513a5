using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Attribution;

/// <summary>Every window, default or per shop, is positive and at most 90 days.</summary>
public sealed class AttributionOptionsValidator : IValidateOptions<AttributionOptions>
{
    public ValidateOptionsResult Validate(string? name, AttributionOptions options)
    {
        var problems = options.Windows.Problems("Attribution:Windows")
            .Concat(options.Shops.SelectMany(s => s.Value.Problems($"Attribution:Shops:{s.Key}")))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
