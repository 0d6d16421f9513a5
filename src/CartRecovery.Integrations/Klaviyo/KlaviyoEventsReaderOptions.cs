namespace CartRecovery.Integrations.Klaviyo;

/// <summary>Section <c>Klaviyo</c>: where the Events API is and which API revision the reader speaks.</summary>
public sealed class KlaviyoEventsReaderOptions
{
    public const string Section = "Klaviyo";

    public Uri BaseUrl { get; set; } = new("https://a.klaviyo.com");

    /// <summary>The <c>revision</c> header every request carries (the reader was written against this revision).</summary>
    public string Revision { get; set; } = "2026-10-15";

    /// <summary>Pages of events read per lookup at most (200 events a page, newest first).</summary>
    public int MaxPages { get; set; } = 3;
}
