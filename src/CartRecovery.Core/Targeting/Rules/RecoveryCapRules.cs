namespace CartRecovery.Core.Targeting.Rules;

/// <summary>At most <see cref="MaxMessages"/> recovery messages (email, SMS, push) per customer per <see cref="WindowDays"/> days (seed 004: 2 per 7 days); 0 turns it off.</summary>
public sealed record RecoveryCapRules
{
    public int MaxMessages { get; init; } = 2;

    public double WindowDays { get; init; } = 7;

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);
}
