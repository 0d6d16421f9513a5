namespace CartRecovery.Core.Experiments;

/// <summary>
/// An experiment of one shop. <see cref="Control"/> is the arm others are compared with. Auto-winner thresholds default to
/// Klaviyo's rule (at least 500 recipients per arm, 90 % probability to beat every other arm).
/// </summary>
public sealed record Experiment(
    string Shop,
    string Id,
    string Name,
    ExperimentKind Kind,
    IReadOnlyList<ExperimentArm> Arms,
    string Control,
    ExperimentMetric Metric,
    ExperimentStatus Status,
    int MinRecipientsPerArm,
    double WinProbability,
    string? Winner,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    /// <summary>The variant label an arm's recoveries carry into counters and attribution: <c>{experimentId}:{arm}</c>.</summary>
    public string VariantOf(string arm) => $"{Id}:{arm}";

    public static (string ExperimentId, string Arm)? ParseVariant(string? variant) =>
        variant?.Split(':') is [var id, var arm] ? (id, arm) : null;
}
