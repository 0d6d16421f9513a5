namespace CartRecovery.Core.Workflow;

/// <summary>
/// Engine settings shared by both hosts (section <c>Recovery</c>): the time scale that divides every configured delay, and
/// how a step's side effect is retried. The same values drive the runner's Polly pipeline and the orchestrator's RetryPolicy.
/// </summary>
public sealed class RecoveryOptions
{
    public const string Section = "Recovery";

    /// <summary>Divides every configured delay and the expiry: 3600 runs a 72-hour sequence in 72 seconds. Default 1.</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Attempts in all for a step whose executor throws (transient failure); then the step is recorded as failed.</summary>
    public int StepMaxAttempts { get; set; } = 5;

    /// <summary>First retry delay; later ones double (with jitter on the runner), up to <see cref="StepMaxRetryDelay"/>.</summary>
    public TimeSpan StepFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan StepMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Timeout of one attempt of a step.</summary>
    public TimeSpan StepAttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
