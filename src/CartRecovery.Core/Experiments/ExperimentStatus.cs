namespace CartRecovery.Core.Experiments;

/// <summary>Draft (editable, assigns nobody), running (assigns new recoveries), paused (assigns nobody, keeps results), ended (final).</summary>
public enum ExperimentStatus
{
    Draft,
    Running,
    Paused,
    Ended,
}
