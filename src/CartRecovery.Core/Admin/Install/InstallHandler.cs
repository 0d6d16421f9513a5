using CartRecovery.Core.Admin.Errors;
using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Tracking;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Admin.Install;

/// <summary>
/// Installing the app in a shop, both ways Shopify offers: the embedded app exchanges its session token
/// (<c>POST /api/stores/{shop}/install</c>), a non-embedded install goes through the authorization code grant
/// (<c>GET /api/auth/install</c> redirects to Shopify with a single-use state nonce, <c>GET /api/auth/callback</c> checks
/// the query HMAC, the shop host and the nonce, then trades the code). Either way the offline token replaces the shop's
/// previous one, encrypted at rest. Every refusal comes before any state change; tokens appear in no answer and no log.
/// </summary>
public sealed partial class InstallHandler(
    IShopifyOAuth oauth,
    IShopAccessTokens tokens,
    IInstallNonces nonces,
    SessionTokenValidator sessions,
    IOptions<ShopifyOptions> app,
    IOptions<ShopifyAdminOptions> admin,
    IOptions<AppLinkOptions> links,
    TimeProvider time,
    ILogger<InstallHandler> logger)
{
    public const string CallbackPath = "/api/auth/callback";

    /// <summary>The token exchange needs no body; a small one (e.g. <c>{}</c>) is tolerated and ignored.</summary>
    public const long MaxBodyBytes = 1024;

    /// <summary><c>GET /api/auth/install?shop=…</c>: 302 to the shop's authorize page with the configured scopes and a fresh state.</summary>
    public async Task<HostResponse> BeginAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var shop = ShopDomain.Normalize(request.QueryValue("shop"));
        if (shop is null)
        {
            return HostResponse.Problem(400, "Invalid shop", "The shop must be a *.myshopify.com domain.");
        }

        // Shopify signs the link it opens the app with; a hand-typed link has no hmac, a tampered one a wrong one.
        if (request.QueryValue("hmac") is not null && !OAuthQuerySignature.IsValid(request.Query, app.Value.ApiSecrets))
        {
            return HostResponse.Problem(401, "Invalid signature", "The install link's hmac does not match.");
        }

        var nonce = await nonces.IssueAsync(shop, time.GetUtcNow() + admin.Value.InstallNonceLifetime, cancellationToken).ConfigureAwait(false);
        var query = string.Join('&',
            $"client_id={Uri.EscapeDataString(app.Value.ApiKey)}",
            $"scope={Uri.EscapeDataString(string.Join(',', admin.Value.Scopes))}",
            $"redirect_uri={Uri.EscapeDataString(links.Value.BaseUrl + CallbackPath)}",
            $"state={nonce}");
        var location = new Uri(admin.Value.BaseUriFor(shop), "admin/oauth/authorize?" + query);
        return Redirect(location.AbsoluteUri);
    }

    /// <summary><c>GET /api/auth/callback?code&amp;hmac&amp;shop&amp;state&amp;timestamp</c>: checks, trades the code, stores the token, opens the app in the shop's admin.</summary>
    public async Task<HostResponse> CallbackAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var shop = ShopDomain.Normalize(request.QueryValue("shop"));
        if (shop is null)
        {
            return HostResponse.Problem(400, "Invalid shop", "The shop must be a *.myshopify.com domain.");
        }

        if (request.QueryValue("code") is not { Length: > 0 } code || request.QueryValue("state") is not { Length: > 0 } state)
        {
            return HostResponse.Problem(400, "Incomplete callback", "The callback needs code and state.");
        }

        if (!OAuthQuerySignature.IsValid(request.Query, app.Value.ApiSecrets))
        {
            LogRefused(logger, shop, "hmac");
            return HostResponse.Problem(401, "Invalid signature", "The callback's hmac does not match.");
        }

        if (!await nonces.ConsumeAsync(shop, state, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
        {
            LogRefused(logger, shop, "state");
            return HostResponse.Problem(401, "Invalid state", "The install state is unknown, expired or already used: start the install again.");
        }

        var failure = await GrantAsync(shop, () => oauth.ExchangeCodeAsync(shop, code, cancellationToken), cancellationToken).ConfigureAwait(false);
        return failure ?? Redirect(new Uri(admin.Value.BaseUriFor(shop), $"admin/apps/{Uri.EscapeDataString(app.Value.ApiKey)}").AbsoluteUri);
    }

    /// <summary><c>POST /api/stores/{shop}/install</c> with the embedded app's session token: token exchange for an offline token.</summary>
    public async Task<HostResponse> ExchangeAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        var sessionToken = request.Header("Authorization")!["Bearer ".Length..].Trim();
        var failure = await GrantAsync(shop, () => oauth.ExchangeSessionTokenAsync(shop, sessionToken, cancellationToken), cancellationToken).ConfigureAwait(false);
        return failure ?? await StatusAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>GET /api/stores/{shop}/install</c>: whether the app holds Admin access for the shop, with which scopes (never the token).</summary>
    public async Task<HostResponse> StatusAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        ShopAccess? access;
        try
        {
            access = await tokens.GetAsync(shop, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            access = null;
        }

        var missing = admin.Value.Scopes.Where(s => access?.HasScope(s) != true).ToList();
        return HostResponse.Ok(new InstallStatus(shop, access is not null, access?.Scopes ?? [], missing, access?.GrantedAt, access?.ExpiresAt));
    }

    private async Task<HostResponse?> GrantAsync(string shop, Func<Task<ShopAccess>> grant, CancellationToken cancellationToken)
    {
        try
        {
            var access = await grant().ConfigureAwait(false);
            await tokens.SaveAsync(shop, access, cancellationToken).ConfigureAwait(false);
            LogInstalled(logger, shop, string.Join(',', access.Scopes));
            return null;
        }
        catch (TransientAdminException error)
        {
            var retryAfter = (int)Math.Ceiling((error.RetryAfter ?? TimeSpan.FromSeconds(5)).TotalSeconds);
            return HostResponse.Problem(503, "Shopify unavailable", "Shopify's OAuth endpoint did not answer; try again.") with
            {
                Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            };
        }
        catch (AdminApiException error)
        {
            LogRefused(logger, shop, $"grant HTTP {error.Status}");
            return HostResponse.Problem(502, "Grant refused", "Shopify refused to grant an access token.");
        }
        catch (SecretStorageUnavailableException)
        {
            return HostResponse.Problem(503, "Token storage not configured", "Access tokens are stored encrypted and Security:EncryptionKeys is empty.");
        }
    }

    private static HostResponse Redirect(string location) =>
        new(302, null, ReadOnlyMemory<byte>.Empty, new Dictionary<string, string> { ["Location"] = location, ["Cache-Control"] = "no-store" });

    [LoggerMessage(Level = LogLevel.Information, Message = "Shop {Shop} granted Admin access with scopes {Scopes}")]
    private static partial void LogInstalled(ILogger logger, string shop, string scopes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Install of {Shop} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string shop, string reason);
}
