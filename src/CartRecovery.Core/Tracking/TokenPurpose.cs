namespace CartRecovery.Core.Tracking;

/// <summary>What a signed token may be used for; a token for one purpose is refused by every other endpoint.</summary>
public enum TokenPurpose
{
    Click,
    Open,
    Unsubscribe,
    Popup,
}
