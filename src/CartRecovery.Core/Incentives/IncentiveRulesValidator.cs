using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Incentives;

/// <summary>Percentages within 0–100 and the default within the maximum; shares within 0–1; a positive code lifetime; approval refused as not built.</summary>
public sealed class IncentiveRulesValidator : IValidateOptions<IncentiveRules>
{
    public ValidateOptionsResult Validate(string? name, IncentiveRules options)
    {
        var failures = new List<string>();
        if (options.MaxPercentage is < 0 or > 100 || options.DefaultPercentage < 0 || options.DefaultPercentage > options.MaxPercentage)
        {
            failures.Add("Incentives:DefaultPercentage must be between 0 and Incentives:MaxPercentage (at most 100).");
        }

        if (options.MarginGuardShare is < 0 or > 1)
        {
            failures.Add("Incentives:MarginGuardShare must be a share between 0 and 1 (0.2 = 20 % of the cart's value).");
        }

        if (options.CodeLifetime <= TimeSpan.Zero || options.CustomerWindow <= TimeSpan.Zero || options.MaxCodesPerCustomer < 0)
        {
            failures.Add("Incentives:CodeLifetime and CustomerWindow must be positive, MaxCodesPerCustomer at least 0.");
        }

        if (options.RequireApproval)
        {
            failures.Add("Incentives:RequireApproval is not supported yet: the merchant approval queue is not built, so incentives cannot wait for approval.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
