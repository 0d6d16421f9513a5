namespace CartRecovery.Integrations.Klaviyo;

/// <summary>Section <c>Klaviyo</c>: the API base (a local server in tests), the revision sent, and attempts for 429 and 5xx.</summary>
public sealed class KlaviyoEventSenderOptions
{
    public const string Section = "Klaviyo";

    public Uri BaseUrl { get; set; } = new("https://a.klaviyo.com");

    public string Revision { get; set; } = "2024-10-15";

    public int MaxAttempts { get; set; } = 4;

    /// <summary>Longest Retry-After honoured inline; a longer one fails the attempt (the caller records it).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);
}
