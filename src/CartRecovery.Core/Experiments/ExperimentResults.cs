namespace CartRecovery.Core.Experiments;

/// <summary>
/// An experiment's live results. <see cref="Leader"/> is the arm that meets the auto-winner rule (every arm has the minimum
/// recipients, its probability to be best reaches the threshold, the split is sound), or null.
/// </summary>
public sealed record ExperimentResults(IReadOnlyList<ArmResult> Arms, double SampleRatioPValue, bool SampleRatioMismatch, string? Leader, string Status);
