namespace CartRecovery.Integrations.Ga4;

/// <summary>Section <c>Ga4</c>: where the Measurement Protocol is (a local server in tests) and how often a failed request is retried.</summary>
public sealed class Ga4Options
{
    public const string Section = "Ga4";

    public Uri BaseUrl { get; set; } = new("https://www.google-analytics.com");

    public int MaxAttempts { get; set; } = 3;
}
