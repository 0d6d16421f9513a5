namespace CartRecovery.Server.Workflow;

/// <summary>The embedded runner's own settings (section <c>Recovery:Runner</c>).</summary>
public sealed class RunnerOptions
{
    public const string Section = "Recovery:Runner";

    /// <summary>
    /// Who holds a lease. Two runners on one storage must have different ids; a runner restarted with the same id resumes
    /// its own leased workflows at once instead of waiting for the leases to lapse. Default: machine name and process id.
    /// </summary>
    public string? Id { get; set; }

    /// <summary>How often the timer table is read for work due soon (timers written by other processes, signals from elsewhere).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How far ahead timers are loaded into memory, so they fire on time rather than at the next poll.</summary>
    public TimeSpan Lookahead { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a runner owns a workflow it is processing without renewing; a crashed runner's workflows resume after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Workflows processed at once.</summary>
    public int MaxConcurrency { get; set; } = 32;

    /// <summary>Most timer rows loaded per poll.</summary>
    public int MaxTimersPerPoll { get; set; } = 5000;

    public string EffectiveId => string.IsNullOrWhiteSpace(Id) ? $"{Environment.MachineName}-{Environment.ProcessId}" : Id;
}
