using System.Text.RegularExpressions;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Workflow.Settings;

/// <summary>Checks a whole configuration and reports every problem at once, so a merchant fixes them in one go.</summary>
public static partial class RecoverySettingsValidator
{
    public const int MaxStepsPerSequence = 20;
    private static readonly TimeSpan MinThreshold = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxThreshold = TimeSpan.FromDays(7);
    private static readonly TimeSpan MaxExpiry = TimeSpan.FromDays(90);

    public static IReadOnlyList<SettingsProblem> Validate(RecoverySettings settings)
    {
        var problems = new List<SettingsProblem>();
        if (settings.AbandonmentThreshold < MinThreshold || settings.AbandonmentThreshold > MaxThreshold)
        {
            problems.Add(new("abandonmentThreshold", "must be between 1 minute and 7 days"));
        }

        if (settings.HighValueAmount < 0)
        {
            problems.Add(new("highValueAmount", "must not be negative"));
        }

        if (settings.Expiry <= TimeSpan.Zero || settings.Expiry > MaxExpiry)
        {
            problems.Add(new("expiry", "must be more than zero and at most 90 days"));
        }

        if (!Enum.IsDefined(settings.OnStepFailure))
        {
            problems.Add(new("onStepFailure", "must be continueWithNextStep or stopSequence"));
        }

        ValidateSequences(settings, problems);
        return problems;
    }

    private static void ValidateSequences(RecoverySettings settings, List<SettingsProblem> problems)
    {
        if (settings.Sequences is null || !settings.Sequences.TryGetValue(SequenceKeys.Default, out var fallback) || fallback is null || fallback.Count == 0)
        {
            problems.Add(new("sequences.default", "a default sequence with at least one step is required"));
        }

        foreach (var (key, steps) in settings.Sequences ?? new Dictionary<string, IReadOnlyList<StepDefinition>>())
        {
            if (!SequenceKeys.All.Contains(key))
            {
                problems.Add(new($"sequences.{key}", $"unknown sequence; use one of {string.Join(", ", SequenceKeys.All)}"));
                continue;
            }

            ValidateSteps($"sequences.{key}", steps ?? [], settings.Expiry, problems);
        }
    }

    private static void ValidateSteps(string path, IReadOnlyList<StepDefinition> steps, TimeSpan expiry, List<SettingsProblem> problems)
    {
        if (steps.Count > MaxStepsPerSequence)
        {
            problems.Add(new(path, $"at most {MaxStepsPerSequence} steps"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var field = $"{path}[{i}]";
            if (steps[i] is not { } step)
            {
                problems.Add(new(field, "must be a step"));
                continue;
            }

            if (step.Id is null || !StepIdPattern().IsMatch(step.Id))
            {
                problems.Add(new($"{field}.id", "must be 1-40 characters of a-z, 0-9 and '-'"));
            }
            else if (!seen.Add(step.Id))
            {
                problems.Add(new($"{field}.id", $"'{step.Id}' is used twice in this sequence"));
            }

            if (step.Delay < TimeSpan.Zero)
            {
                problems.Add(new($"{field}.delay", "must not be negative"));
            }
            else if (step.Delay >= expiry)
            {
                problems.Add(new($"{field}.delay", "must be shorter than the expiry, or the step could never run"));
            }

            if (i > 0 && steps[i - 1] is { } previous && step.Delay < previous.Delay)
            {
                problems.Add(new($"{field}.delay", "steps must be in order of delay"));
            }

            if (!Enum.IsDefined(step.Channel))
            {
                problems.Add(new($"{field}.channel", "unknown channel"));
            }

            if (!Enum.IsDefined(step.Intent))
            {
                problems.Add(new($"{field}.intent", "unknown intent"));
            }

            ValidateConditions($"{field}.conditions", step.EffectiveConditions, problems);
        }
    }

    private static void ValidateConditions(string field, StepConditions conditions, List<SettingsProblem> problems)
    {
        if (conditions.MinCartValue is < 0)
        {
            problems.Add(new($"{field}.minCartValue", "must not be negative"));
        }

        if (conditions.Segments?.Any(s => !Enum.IsDefined(s)) == true)
        {
            problems.Add(new($"{field}.segments", "unknown segment"));
        }
    }

    [GeneratedRegex("^[a-z0-9-]{1,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex StepIdPattern();
}
