namespace CartRecovery.Core.Experiments;

/// <summary>The one thing an experiment varies. <see cref="Holdout"/> only compares recovering with not recovering.</summary>
public enum ExperimentKind
{
    Holdout,
    Subject,
    Copy,
    Timing,
    Channel,
    Incentive,
}
