using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Attribution;

/// <summary>
/// An order tied to the recovery it belongs to: which step, channel and arm had the last touch, how it matched, and what it
/// earned. <see cref="NetRevenue"/> is what counts as recovered revenue: zero once cancelled, less every refund.
/// </summary>
public sealed record OrderAttribution(
    string Shop,
    string OrderId,
    string RecoveryId,
    string? StepId,
    Channel? Channel,
    string? Variant,
    MatchRoute Route,
    TouchKind? TouchKind,
    DateTimeOffset? TouchAt,
    DateTimeOffset PlacedAt,
    decimal Revenue,
    string Currency,
    decimal PresentmentRevenue,
    string PresentmentCurrency,
    decimal DiscountRedeemed,
    decimal Refunded,
    bool Cancelled)
{
    public decimal NetRevenue => Cancelled ? 0m : Math.Max(0m, Revenue - Refunded);
}
