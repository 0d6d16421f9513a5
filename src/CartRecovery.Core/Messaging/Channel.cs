namespace CartRecovery.Core.Messaging;

/// <summary>Where a recovery message is delivered.</summary>
public enum Channel
{
    Popup,
    Email,
    Sms,
    Push,
}
