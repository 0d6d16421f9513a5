namespace CartRecovery.Integrations.Delivery;

/// <summary>How providers retry transient failures (section <c>Delivery</c>): exponential backoff with jitter, and a timeout per attempt.</summary>
public sealed class DeliveryRetryOptions
{
    public const string Section = "Delivery";

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; set; } = 4;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
