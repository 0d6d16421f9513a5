namespace CartRecovery.Core.Experiments.Api;

/// <summary>An experiment with its live results, as the merchant API answers it (enum values as camelCase words).</summary>
public sealed record ExperimentView(
    string Id,
    string Name,
    string Kind,
    IReadOnlyList<ExperimentArm> Arms,
    string Control,
    string Metric,
    string Status,
    int MinRecipientsPerArm,
    double WinProbability,
    string? Winner,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    ExperimentResults Results)
{
    public static ExperimentView From(Experiment e, ExperimentResults results) => new(
        e.Id, e.Name, Camel(e.Kind), e.Arms, e.Control, Camel(e.Metric), Camel(e.Status), e.MinRecipientsPerArm, e.WinProbability, e.Winner, e.CreatedAt, e.StartedAt, e.EndedAt, results);

    private static string Camel<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
