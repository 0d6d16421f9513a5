namespace CartRecovery.Core.Experiments.Statistics;

/// <summary>A two-proportion z-test: the statistic and its two-sided p-value.</summary>
public sealed record ZTestResult(double Z, double PValue);
