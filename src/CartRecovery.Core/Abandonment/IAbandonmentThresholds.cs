namespace CartRecovery.Core.Abandonment;

/// <summary>A store's abandonment threshold: its own setting, else <see cref="AbandonmentOptions.Threshold"/>.</summary>
public interface IAbandonmentThresholds
{
    Task<TimeSpan> GetAsync(string shop, CancellationToken cancellationToken);
}
