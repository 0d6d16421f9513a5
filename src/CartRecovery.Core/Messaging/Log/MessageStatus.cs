namespace CartRecovery.Core.Messaging.Log;

/// <summary>Where a recorded message stands. <see cref="Sending"/> is the row written before the provider is called.</summary>
public enum MessageStatus
{
    Sending,
    Sent,
    Skipped,
    Failed,

    /// <summary>A popup message waiting for the visitor's next storefront visit.</summary>
    PendingDisplay,

    /// <summary>A popup message the storefront has shown at least once.</summary>
    Displayed,
}
