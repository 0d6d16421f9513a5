namespace CartRecovery.Core.Reconciliation;

/// <summary>Where a shop's reconciliation stands: everything up to <see cref="Watermark"/> was processed; why it was last skipped.</summary>
public sealed record ShopReconciliationState(DateTimeOffset? Watermark, string? SkippedReason, DateTimeOffset? SkippedAt);
