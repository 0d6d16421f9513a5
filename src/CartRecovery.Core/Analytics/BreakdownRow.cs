namespace CartRecovery.Core.Analytics;

/// <summary>Message counters for one step, channel or arm (the dimensions not grouped on are null).</summary>
public sealed record BreakdownRow(
    string? Step,
    string? Channel,
    string? Variant,
    long Sent,
    long Delivered,
    long Opened,
    long Clicked,
    long Skipped,
    long Failed,
    long RecoveredOrders,
    decimal RecoveredRevenue)
{
    public double OpenRate => Rates.Of(Opened, Sent);

    public double ClickRate => Rates.Of(Clicked, Sent);
}
