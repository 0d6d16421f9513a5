using System.Text.RegularExpressions;

namespace CartRecovery.Core.Experiments.Api;

/// <summary>What a new experiment must satisfy, and which status changes are allowed.</summary>
public static partial class ExperimentRules
{
    public const int DefaultMinRecipients = 500;
    public const double DefaultWinProbability = 0.9;

    /// <summary>The experiment a request describes, or the reason it cannot be one.</summary>
    public static (Experiment? Experiment, string? Error) Create(string shop, string id, CreateExperimentRequest request, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            return (null, "name is required (at most 100 characters).");
        }

        if (request.Kind is not { } kind)
        {
            return (null, "kind is required: holdout, subject, copy, timing, channel or incentive.");
        }

        IReadOnlyList<ExperimentArm> arms;
        string control;
        if (kind == ExperimentKind.Holdout)
        {
            if (request.HoldoutShare is not { } share || share <= 0 || share >= 0.5)
            {
                return (null, "a holdout needs holdoutShare, more than 0 and less than 0.5 (e.g. 0.1 for 10 %).");
            }

            arms = [new ExperimentArm("treated", 1 - share), new ExperimentArm(ExperimentArm.HoldoutName, share)];
            control = ExperimentArm.HoldoutName;
        }
        else
        {
            arms = request.Arms ?? [];
            if (arms.Count is < 2 or > 5 || arms.Any(a => a is null || !ArmName().IsMatch(a.Name ?? string.Empty) || !(a.Weight > 0) || double.IsInfinity(a.Weight)))
            {
                return (null, "arms: 2 to 5, each with a name of a-z, 0-9 and '-' (at most 32) and a positive weight.");
            }

            if (arms.Select(a => a.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != arms.Count)
            {
                return (null, "arm names must be unique.");
            }

            control = request.Control ?? arms[0].Name;
            if (arms.All(a => a.Name != control))
            {
                return (null, "control must name one of the arms.");
            }
        }

        var min = request.MinRecipientsPerArm ?? DefaultMinRecipients;
        var probability = request.WinProbability ?? DefaultWinProbability;
        if (min is < 1 or > 1_000_000 || !(probability is >= 0.5 and < 1))
        {
            return (null, "minRecipientsPerArm is 1 to 1000000 and winProbability at least 0.5 and below 1.");
        }

        return (new Experiment(shop, id, request.Name.Trim(), kind, arms, control, request.Metric ?? ExperimentMetric.PlacedOrderRate, ExperimentStatus.Draft, min, probability, null, now, null, null), null);
    }

    public static bool CanMove(ExperimentStatus from, ExperimentStatus to) => (from, to) switch
    {
        (ExperimentStatus.Draft, ExperimentStatus.Running) => true,
        (ExperimentStatus.Running, ExperimentStatus.Paused) => true,
        (ExperimentStatus.Paused, ExperimentStatus.Running) => true,
        (ExperimentStatus.Running or ExperimentStatus.Paused or ExperimentStatus.Draft, ExperimentStatus.Ended) => true,
        _ => from == to,
    };

    [GeneratedRegex("^[a-z0-9-]{1,32}$")]
    private static partial Regex ArmName();
}
