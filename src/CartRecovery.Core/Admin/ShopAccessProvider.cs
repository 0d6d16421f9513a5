using System.Security.Cryptography;
using CartRecovery.Core.Admin.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Admin;

/// <summary>
/// The one way features get a shop's Admin token: a usable token (renewed shortly before it expires when a refresh token
/// allows), or the reason there is none, which the feature records and degrades on. Never throws for a missing,
/// expired, unreadable or under-scoped token.
/// </summary>
public sealed partial class ShopAccessProvider(
    IShopAccessTokens tokens,
    IShopifyOAuth oauth,
    IOptions<ShopifyAdminOptions> options,
    TimeProvider time,
    ILogger<ShopAccessProvider> logger)
{
    public const string Unreadable = "admin-access-unreadable";

    public async Task<AdminAccess> GetAsync(string shop, string? requiredScope, CancellationToken cancellationToken)
    {
        ShopAccess? access;
        try
        {
            access = await tokens.GetAsync(shop, cancellationToken).ConfigureAwait(false);
        }
        catch (CryptographicException)
        {
            LogUnreadable(logger, shop);
            return AdminAccess.Unavailable(Unreadable);
        }

        if (access is null)
        {
            return AdminAccess.Unavailable(AdminAccess.NoToken);
        }

        if (requiredScope is not null && !access.HasScope(requiredScope))
        {
            return AdminAccess.Unavailable(AdminAccess.MissingScopePrefix + requiredScope);
        }

        var now = time.GetUtcNow();
        if (access.ExpiresAt is not { } expiresAt || expiresAt - options.Value.RefreshAhead > now)
        {
            return AdminAccess.Available(access.AccessToken);
        }

        var renewed = await TryRefreshAsync(shop, access, now, cancellationToken).ConfigureAwait(false);
        if (renewed is not null)
        {
            return AdminAccess.Available(renewed.AccessToken);
        }

        return expiresAt > now ? AdminAccess.Available(access.AccessToken) : AdminAccess.Unavailable(AdminAccess.Expired);
    }

    private async Task<ShopAccess?> TryRefreshAsync(string shop, ShopAccess access, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (access.RefreshToken is null || access.RefreshTokenExpiresAt <= now)
        {
            return null;
        }

        try
        {
            var renewed = await oauth.RefreshAsync(shop, access.RefreshToken, cancellationToken).ConfigureAwait(false);
            await tokens.SaveAsync(shop, renewed, cancellationToken).ConfigureAwait(false);
            LogRefreshed(logger, shop);
            return renewed;
        }
        catch (Exception error) when (error is AdminApiException or TransientAdminException or HttpRequestException)
        {
            LogRefreshFailed(logger, shop, error.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin access of {Shop} cannot be decrypted (its key is no longer configured): the shop must reinstall")]
    private static partial void LogUnreadable(ILogger logger, string shop);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin access of {Shop} renewed with its refresh token")]
    private static partial void LogRefreshed(ILogger logger, string shop);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Admin access of {Shop} could not be renewed ({Failure})")]
    private static partial void LogRefreshFailed(ILogger logger, string shop, string failure);
}
