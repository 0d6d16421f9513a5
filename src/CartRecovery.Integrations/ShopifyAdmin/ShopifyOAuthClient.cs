using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Errors;
using CartRecovery.Core.Shopify;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.ShopifyAdmin;

/// <summary>
/// The shop's OAuth endpoint, <c>POST {shop}/admin/oauth/access_token</c>, for the three grants the app uses: token exchange
/// (embedded install), authorization code (non-embedded install) and refresh (expiring offline tokens). Signs with the
/// newest client secret. Errors never carry the tokens or the secret.
/// </summary>
public sealed class ShopifyOAuthClient(HttpClient http, IOptions<ShopifyOptions> app, IOptions<ShopifyAdminOptions> admin, TimeProvider time) : IShopifyOAuth
{
    public const string TokenExchangeGrant = "urn:ietf:params:oauth:grant-type:token-exchange";
    public const string IdTokenType = "urn:ietf:params:oauth:token-type:id_token";
    public const string OfflineAccessTokenType = "urn:shopify:params:oauth:token-type:offline-access-token";

    public Task<ShopAccess> ExchangeSessionTokenAsync(string shop, string sessionToken, CancellationToken cancellationToken) =>
        PostAsync(shop, new Dictionary<string, string>
        {
            ["grant_type"] = TokenExchangeGrant,
            ["subject_token"] = sessionToken,
            ["subject_token_type"] = IdTokenType,
            ["requested_token_type"] = OfflineAccessTokenType,
        }, cancellationToken);

    public Task<ShopAccess> ExchangeCodeAsync(string shop, string code, CancellationToken cancellationToken) =>
        PostAsync(shop, new Dictionary<string, string> { ["code"] = code }, cancellationToken);

    public Task<ShopAccess> RefreshAsync(string shop, string refreshToken, CancellationToken cancellationToken) =>
        PostAsync(shop, new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, cancellationToken);

    private async Task<ShopAccess> PostAsync(string shop, Dictionary<string, string> grant, CancellationToken cancellationToken)
    {
        var secret = app.Value.ApiSecrets.FirstOrDefault(s => !string.IsNullOrEmpty(s))
            ?? throw new AdminApiException("Shopify:ApiSecrets is empty: the app cannot ask Shopify for an access token.");
        var fields = new Dictionary<string, string>(grant) { ["client_id"] = app.Value.ApiKey, ["client_secret"] = secret };
        var uri = new Uri(admin.Value.BaseUriFor(shop), "admin/oauth/access_token");
        using var response = await http.PostAsJsonAsync(uri, fields, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status == 429 || status >= 500)
        {
            throw new TransientAdminException($"Shopify's OAuth endpoint answered HTTP {status}.", response.Headers.RetryAfter?.Delta);
        }

        if (!response.IsSuccessStatusCode)
        {
            // The body names the error (e.g. invalid_subject_token); it never holds a token, but it is not echoed either.
            throw new AdminApiException($"Shopify refused the grant: HTTP {status}.", status);
        }

        TokenAnswer? answer;
        try
        {
            answer = await response.Content.ReadFromJsonAsync<TokenAnswer>(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            answer = null;
        }

        if (answer?.AccessToken is not { Length: > 0 } token)
        {
            throw new AdminApiException("Shopify's OAuth answer has no access_token.", status);
        }

        var now = time.GetUtcNow();
        return new ShopAccess(
            token,
            ShopAccess.ParseScopes(answer.Scope),
            now,
            answer.ExpiresIn is > 0 and var expires ? now.AddSeconds(expires) : null,
            answer.RefreshToken,
            answer.RefreshTokenExpiresIn is > 0 and var refreshExpires ? now.AddSeconds(refreshExpires) : null);
    }

    private sealed record TokenAnswer(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("scope")] string? Scope,
        [property: JsonPropertyName("expires_in")] long? ExpiresIn,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: JsonPropertyName("refresh_token_expires_in")] long? RefreshTokenExpiresIn);
}
