namespace CartRecovery.Core.Experiments;

/// <summary>
/// One arm: its name, its share of shoppers (weights are relative), and what it changes (free-form settings the step flow
/// reads for the experiment's kind). An arm named <see cref="HoldoutName"/> receives no messages.
/// </summary>
public sealed record ExperimentArm(string Name, double Weight, IReadOnlyDictionary<string, string>? Settings = null)
{
    public const string HoldoutName = "holdout";

    public bool IsHoldout => string.Equals(Name, HoldoutName, StringComparison.OrdinalIgnoreCase);
}
