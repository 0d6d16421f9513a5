namespace CartRecovery.Core.Attribution;

/// <summary>What one refund or cancellation did to an attributed order: the order after it, and the change in net revenue.</summary>
public sealed record RevenueAdjustment(OrderAttribution Order, string AdjustmentId, decimal NetChange);
