namespace CartRecovery.Core.Experiments;

/// <summary>What decides an experiment: placed-order rate (default), click rate, or revenue per recipient.</summary>
public enum ExperimentMetric
{
    PlacedOrderRate,
    ClickRate,
    RevenuePerRecipient,
}
