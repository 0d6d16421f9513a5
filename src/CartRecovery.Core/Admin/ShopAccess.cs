namespace CartRecovery.Core.Admin;

/// <summary>
/// The shop's Admin API access (the <c>ShopAccess</c> part of a shop): an offline access token with its granted scopes and,
/// for expiring tokens, when it expires and the refresh token that renews it. Stored encrypted; <see cref="ToString"/> never
/// shows a token, so a stray log line or exception message cannot leak one.
/// </summary>
public sealed record ShopAccess(
    string AccessToken,
    IReadOnlyList<string> Scopes,
    DateTimeOffset GrantedAt,
    DateTimeOffset? ExpiresAt = null,
    string? RefreshToken = null,
    DateTimeOffset? RefreshTokenExpiresAt = null)
{
    public bool HasScope(string scope) =>
        Scopes.Contains(scope, StringComparer.Ordinal)
        // Shopify grants write_x without listing read_x: the write scope implies the read one.
        || (scope.StartsWith("read_", StringComparison.Ordinal) && Scopes.Contains("write_" + scope[5..], StringComparer.Ordinal));

    /// <summary>Scopes as Shopify writes them: comma-separated.</summary>
    public static IReadOnlyList<string> ParseScopes(string? scopes) =>
        (scopes ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() =>
        $"ShopAccess {{ Scopes = {string.Join(',', Scopes)}, GrantedAt = {GrantedAt:O}, ExpiresAt = {ExpiresAt:O}, AccessToken = ***, RefreshToken = {(RefreshToken is null ? "none" : "***")} }}";
}
