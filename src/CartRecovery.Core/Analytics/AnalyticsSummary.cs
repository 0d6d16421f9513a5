namespace CartRecovery.Core.Analytics;

/// <summary>
/// A shop's recovery results for a period (<c>GET /api/stores/{shop}/analytics</c>). Recovered orders, revenue and the
/// recovery rate count treated recoveries only: the holdout's are in <see cref="Holdout"/>. Money is in <see cref="Currency"/>.
/// </summary>
public sealed record AnalyticsSummary(
    string Shop,
    DateOnly From,
    DateOnly To,
    string? Currency,
    long AbandonedCheckouts,
    long AbandonedCarts,
    long RecoveriesStarted,
    long MessagesSent,
    long MessagesDelivered,
    long MessagesOpened,
    long MessagesClicked,
    long StepsSkipped,
    long StepsFailed,
    long RecoveredOrders,
    decimal RecoveredRevenue,
    double RecoveryRate,
    decimal RevenuePerRecipient,
    double OpenRate,
    double ClickRate,
    double CompletionRate,
    decimal MessagingCost,
    decimal DiscountsRedeemed,
    double? Roi,
    Lift? IncrementalLift,
    decimal? IncrementalRevenue,
    HoldoutResult? Holdout,
    IReadOnlyDictionary<string, long> SkipsByReason,
    IReadOnlyDictionary<string, long> OrdersByMatch,
    IReadOnlyList<BreakdownRow> ByStep,
    IReadOnlyList<BreakdownRow> ByChannel,
    IReadOnlyList<BreakdownRow> ByVariant);
