namespace CartRecovery.Core.Attribution;

/// <summary>What a shopper did with (or received of) a recovery message. <see cref="Sent"/> never attributes on its own; it names the step of a direct match.</summary>
public enum TouchKind
{
    Sent,
    Delivered,
    Opened,
    Clicked,
}
