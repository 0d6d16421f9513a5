namespace CartRecovery.Core.Analytics;

/// <summary>The counters a daily rollup keeps. Each is counted once per fact (a message opened twice is one open).</summary>
public static class Metric
{
    public const string Started = "started";
    public const string Sent = "sent";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    public const string Delivered = "delivered";
    public const string Opened = "opened";
    public const string Clicked = "clicked";
    public const string Orders = "orders";
    public const string Revenue = "revenue";
    public const string Discounts = "discounts";

    public static IReadOnlyList<string> All { get; } = [Started, Sent, Skipped, Failed, Delivered, Opened, Clicked, Orders, Revenue, Discounts];
}
