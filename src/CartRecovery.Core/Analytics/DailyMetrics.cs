namespace CartRecovery.Core.Analytics;

/// <summary>The summary figures a daily time series can show (<c>…/analytics/daily?metric=</c>), by their JSON names.</summary>
public static class DailyMetrics
{
    public static IReadOnlyDictionary<string, Func<AnalyticsSummary, double?>> ByName { get; } = new Dictionary<string, Func<AnalyticsSummary, double?>>(StringComparer.OrdinalIgnoreCase)
    {
        ["recoveriesStarted"] = s => s.RecoveriesStarted,
        ["messagesSent"] = s => s.MessagesSent,
        ["messagesDelivered"] = s => s.MessagesDelivered,
        ["messagesOpened"] = s => s.MessagesOpened,
        ["messagesClicked"] = s => s.MessagesClicked,
        ["recoveredOrders"] = s => s.RecoveredOrders,
        ["recoveredRevenue"] = s => (double)s.RecoveredRevenue,
        ["recoveryRate"] = s => s.RecoveryRate,
        ["openRate"] = s => s.OpenRate,
        ["clickRate"] = s => s.ClickRate,
        ["messagingCost"] = s => (double)s.MessagingCost,
        ["discountsRedeemed"] = s => (double)s.DiscountsRedeemed,
        ["roi"] = s => s.Roi,
    };
}
