namespace CartRecovery.Core.Targeting.Rules;

/// <summary>
/// Send-time optimisation (off by default): a due step waits, up to <see cref="WindowHours"/>, for the customer's best
/// hour (their own opens and clicks, else the shop's, else <see cref="DefaultHour"/> local), never into quiet hours.
/// </summary>
public sealed record SendTimeRules
{
    public bool Enabled { get; init; }

    public double WindowHours { get; init; } = 3;

    public int DefaultHour { get; init; } = 10;

    /// <summary>Engagements (opens, clicks) a customer needs before their own best hour is used; fewer uses the shop's.</summary>
    public int MinCustomerEngagements { get; init; } = 3;
}
