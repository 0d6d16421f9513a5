namespace CartRecovery.Storage.Webhooks;

/// <summary>How busy acknowledging is on this node, which decides how hard processing may use the storage account.</summary>
public enum AcknowledgingLoad
{
    /// <summary>No delivery recorded over the last second: processing may use the storage account's capacity.</summary>
    Quiet,

    /// <summary>Deliveries are being recorded: processing runs few groups at once, so acknowledgements stay within their budget.</summary>
    Active,

    /// <summary>More than <c>Webhooks:BusyAbove</c> per second: few groups at once, and a pause after each.</summary>
    Busy,
}
