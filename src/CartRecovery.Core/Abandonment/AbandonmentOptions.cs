namespace CartRecovery.Core.Abandonment;

/// <summary>Section <c>Abandonment</c>.</summary>
public sealed class AbandonmentOptions
{
    public const string Section = "Abandonment";

    /// <summary>Inactivity after which a cart or checkout counts as abandoned, unless the store sets its own.</summary>
    public TimeSpan Threshold { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Longest the scheduler sleeps between looks at the due index (other nodes may have added earlier work).</summary>
    public TimeSpan MaxIdlePoll { get; set; } = TimeSpan.FromSeconds(5);
}
