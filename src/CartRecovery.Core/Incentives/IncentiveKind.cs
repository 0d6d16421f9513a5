namespace CartRecovery.Core.Incentives;

/// <summary>What a discount gives: nothing, a share of the order, a fixed amount off, or free shipping.</summary>
public enum IncentiveKind
{
    None,
    Percentage,
    FixedAmount,
    FreeShipping,
}
