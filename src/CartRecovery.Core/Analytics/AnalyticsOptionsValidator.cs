using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Analytics;

/// <summary>No message costs less than nothing.</summary>
public sealed class AnalyticsOptionsValidator : IValidateOptions<AnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, AnalyticsOptions options)
    {
        var problems = options.MessageCosts.Where(c => c.Value < 0).Select(c => $"Analytics:MessageCosts:{c.Key} must not be negative.")
            .Concat(options.Shops.SelectMany(s => s.Value.MessageCosts.Where(c => c.Value < 0).Select(c => $"Analytics:Shops:{s.Key}:MessageCosts:{c.Key} must not be negative.")))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
