namespace CartRecovery.Core.Analytics;

/// <summary>The holdout arm: recoveries that ran without sending anything, the orders they got anyway, and that baseline rate.</summary>
public sealed record HoldoutResult(long Recoveries, long Orders, decimal Revenue, double RecoveryRate);
