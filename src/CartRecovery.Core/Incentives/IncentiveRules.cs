namespace CartRecovery.Core.Incentives;

/// <summary>
/// A shop's incentive rules (defaults from section <c>Incentives</c>): the first matching <see cref="Rules"/> entry, else
/// <see cref="DefaultPercentage"/> % off; never above <see cref="MaxPercentage"/> nor above <see cref="MarginGuardShare"/> of the
/// cart's value; none below <see cref="MinCartValue"/>. Codes live <see cref="CodeLifetime"/>; a customer gets at most
/// <see cref="MaxCodesPerCustomer"/> per <see cref="CustomerWindow"/>. Without Admin access, <see cref="StaticCode"/> (if set) is offered instead.
/// </summary>
public sealed class IncentiveRules
{
    public const string Section = "Incentives";

    public decimal DefaultPercentage { get; set; } = 10m;

    public decimal MaxPercentage { get; set; } = 20m;

    /// <summary>The most a discount may be worth as a share of the cart's value (0.2 = 20 %): a fixed amount is capped by it too.</summary>
    public decimal MarginGuardShare { get; set; } = 0.2m;

    public decimal MinCartValue { get; set; }

    public List<IncentiveRule> Rules { get; set; } = [];

    public TimeSpan CodeLifetime { get; set; } = TimeSpan.FromHours(48);

    public int MaxCodesPerCustomer { get; set; } = 1;

    public TimeSpan CustomerWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A code the merchant created in Shopify, offered when the app has no Admin access to create unique ones.</summary>
    public string? StaticCode { get; set; }

    /// <summary>What a static code is worth, for the copy (percent off); null when unknown.</summary>
    public decimal? StaticCodePercentage { get; set; }

    /// <summary>Merchant approval before an incentive goes out (seed 000). The approval queue is not built yet: setting it refuses at start.</summary>
    public bool RequireApproval { get; set; }
}
