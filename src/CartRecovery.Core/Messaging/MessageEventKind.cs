namespace CartRecovery.Core.Messaging;

/// <summary>What happened to a message after it was sent.</summary>
public enum MessageEventKind
{
    Delivered,
    Opened,
    Clicked,
    Shown,
    Dismissed,
    Bounced,
    Complained,
    Unsubscribed,
}
