namespace CartRecovery.Core.Admin;

/// <summary>
/// Whether a feature may call the shop's Admin API now: a usable access token, or the reason it cannot (recorded by the caller,
/// which then degrades instead of failing). <see cref="ToString"/> never shows the token.
/// </summary>
public sealed record AdminAccess(string? AccessToken, string? UnavailableReason)
{
    public const string NoToken = "admin-access-missing";
    public const string Expired = "admin-access-expired";
    public const string MissingScopePrefix = "admin-scope-missing:";

    public bool IsAvailable => AccessToken is not null;

    public static AdminAccess Available(string accessToken) => new(accessToken, null);

    public static AdminAccess Unavailable(string reason) => new(null, reason);

    public override string ToString() => IsAvailable ? "AdminAccess { available }" : $"AdminAccess {{ unavailable: {UnavailableReason} }}";
}
