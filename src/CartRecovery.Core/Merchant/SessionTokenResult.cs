namespace CartRecovery.Core.Merchant;

public enum SessionTokenStatus
{
    Valid,

    /// <summary>Missing, malformed, badly signed, expired, not yet valid or for another app: 401.</summary>
    Unauthorized,

    /// <summary>A valid token for another shop: 403.</summary>
    Forbidden,
}

/// <summary>The verdict on a session token, with a reason safe to show (it never echoes the token).</summary>
public sealed record SessionTokenResult(SessionTokenStatus Status, string? Reason = null, string? UserId = null);
