namespace CartRecovery.Core.Tracking;

public enum TokenStatus
{
    Valid,
    Malformed,
    BadSignature,
    Expired,
    WrongPurpose,
}

/// <summary>The outcome of verifying a token: the token when valid, otherwise why not.</summary>
public sealed record TokenCheck(TokenStatus Status, TrackingToken? Token)
{
    public bool IsValid => Status == TokenStatus.Valid;

    public string Reason => Status switch
    {
        TokenStatus.Valid => "valid",
        TokenStatus.Malformed => "The link is malformed.",
        TokenStatus.BadSignature => "The link's signature does not match.",
        TokenStatus.Expired => "The link has expired.",
        _ => "The link is not meant for this address.",
    };
}
