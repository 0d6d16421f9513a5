namespace CartRecovery.Integrations.Delivery;

/// <summary>
/// How providers call out (section <c>Delivery</c>). One HTTP request per send and no retries here: a step is retried by the
/// engine per Core's <c>StepRetryPolicy</c> (<c>Recovery:StepMaxAttempts</c>), so retries are never multiplied.
/// </summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>
    /// How long one provider request may take before it counts as a transient failure ("timed out"). Below the step's
    /// attempt timeout (<c>Recovery:StepAttemptTimeout</c>, 30 s), so a slow provider is reported as such rather than cut off.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
