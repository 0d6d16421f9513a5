namespace CartRecovery.Core.Analytics;

/// <summary>The recovery events forwarded to analytics tools (GA4, Klaviyo).</summary>
public enum RecoveryEventKind
{
    Started,
    MessageSent,
    MessageOpened,
    MessageClicked,
    Recovered,
}
