namespace CartRecovery.Core.Workflow.Settings;

/// <summary>
/// When a step may run, beyond contact and consent for its channel (always required). A step whose conditions fail is
/// skipped and recorded with the reason.
/// </summary>
/// <param name="Segments">Only for these segments (null or empty: any).</param>
/// <param name="MinCartValue">Only when the cart total is at least this, in the cart's currency.</param>
/// <param name="RequiresLowStock">Only when a line of the cart is low in stock.</param>
/// <param name="RequiresHighValueOrLowStock">Only for a high-value cart or customer, or a low-stock cart.</param>
/// <param name="RequiresPreviousOpened">Only when the last message sent by this recovery was opened or clicked.</param>
public sealed record StepConditions(
    IReadOnlyList<Segment>? Segments = null,
    decimal? MinCartValue = null,
    bool RequiresLowStock = false,
    bool RequiresHighValueOrLowStock = false,
    bool RequiresPreviousOpened = false)
{
    public static StepConditions None { get; } = new();
}
