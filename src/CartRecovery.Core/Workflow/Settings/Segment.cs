namespace CartRecovery.Core.Workflow.Settings;

/// <summary>Which kind of shopper abandoned the cart; each segment may have its own sequence.</summary>
public enum Segment
{
    FirstTime,
    Returning,
    HighValue,
    LowStock,
}
