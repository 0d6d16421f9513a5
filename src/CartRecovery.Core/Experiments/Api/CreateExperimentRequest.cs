namespace CartRecovery.Core.Experiments.Api;

/// <summary>
/// The body of <c>POST …/experiments</c>. A holdout needs only <see cref="HoldoutShare"/> (arms "treated" and "holdout");
/// other kinds name 2 to 5 <see cref="Arms"/> and their <see cref="Control"/> (default: the first arm).
/// </summary>
public sealed record CreateExperimentRequest(
    string? Name,
    ExperimentKind? Kind,
    IReadOnlyList<ExperimentArm>? Arms,
    string? Control,
    ExperimentMetric? Metric,
    int? MinRecipientsPerArm,
    double? WinProbability,
    double? HoldoutShare);
