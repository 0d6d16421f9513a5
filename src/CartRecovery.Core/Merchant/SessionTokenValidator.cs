using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Shopify;

namespace CartRecovery.Core.Merchant;

/// <summary>
/// Verifies a Shopify session token (App Bridge): an HS256 JWT signed with the app's client secret, whose <c>aud</c> is the
/// client id, <c>dest</c> is <c>https://{shop}</c>, and <c>exp</c>/<c>nbf</c> bound its life (with a few seconds of clock skew).
/// A token whose <c>exp</c> lies further ahead than App Bridge's one-minute lifetime is refused too
/// (<see cref="ShopifyOptions.SessionTokenMaxLifetime"/>). Times are compared as whole seconds, so no claim value can overflow.
/// </summary>
public sealed class SessionTokenValidator(ShopifyOptions options, TimeProvider time)
{

    public SessionTokenResult Validate(string? authorizationHeader, string shop)
    {
        if (authorizationHeader is null || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Unauthorized("A Shopify session token is required (Authorization: Bearer).");
        }

        var parts = authorizationHeader["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 3 || !TryDecode(parts[0], out var header) || !TryDecode(parts[1], out var payload) || !TryDecode(parts[2], out var signature))
        {
            return Unauthorized("The session token is malformed.");
        }

        if (!HasAlgorithm(header, "HS256") || !SignedByAnySecret(parts[0] + "." + parts[1], signature))
        {
            return Unauthorized("The session token's signature is not valid.");
        }

        return CheckClaims(payload, shop);
    }

    private SessionTokenResult CheckClaims(byte[] payload, string shop)
    {
        try
        {
            using var json = JsonDocument.Parse(payload);
            var claims = json.RootElement;
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            var skew = (long)options.SessionTokenClockSkew.TotalSeconds;
            if (!claims.TryGetProperty("exp", out var exp) || !exp.TryGetInt64(out var expSeconds) || expSeconds < now - skew)
            {
                return Unauthorized("The session token has expired.");
            }

            if (expSeconds > now + (long)options.SessionTokenMaxLifetime.TotalSeconds + skew)
            {
                return Unauthorized("The session token is valid for longer than App Bridge session tokens are.");
            }

            if (claims.TryGetProperty("nbf", out var nbf) && nbf.TryGetInt64(out var nbfSeconds) && nbfSeconds > now + skew)
            {
                return Unauthorized("The session token is not valid yet.");
            }

            if (!AudienceMatches(claims))
            {
                return Unauthorized("The session token was issued for another app.");
            }

            var dest = claims.TryGetProperty("dest", out var d) ? d.GetString() : null;
            var tokenShop = dest is not null && Uri.TryCreate(dest, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.Host : null;
            if (!ShopDomain.IsValid(tokenShop))
            {
                return Unauthorized("The session token names no valid shop.");
            }

            return string.Equals(tokenShop, shop, StringComparison.OrdinalIgnoreCase)
                ? new SessionTokenResult(SessionTokenStatus.Valid, UserId: claims.TryGetProperty("sub", out var sub) ? sub.GetString() : null)
                : new SessionTokenResult(SessionTokenStatus.Forbidden, "The session token is for another shop.");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return Unauthorized("The session token's claims are malformed.");
        }
    }

    private bool AudienceMatches(JsonElement claims) =>
        claims.TryGetProperty("aud", out var aud) && aud.ValueKind switch
        {
            JsonValueKind.String => aud.GetString() == options.ApiKey,
            JsonValueKind.Array => aud.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && a.GetString() == options.ApiKey),
            _ => false,
        } && options.ApiKey.Length > 0;

    private bool SignedByAnySecret(string signedPart, byte[] signature)
    {
        var data = Encoding.ASCII.GetBytes(signedPart);
        var valid = false;
        foreach (var secret in options.ApiSecrets.Where(s => s.Length > 0))
        {
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data);
            valid |= CryptographicOperations.FixedTimeEquals(expected, signature);
        }

        return valid;
    }

    private static bool HasAlgorithm(byte[] header, string algorithm)
    {
        try
        {
            using var json = JsonDocument.Parse(header);
            return json.RootElement.TryGetProperty("alg", out var alg) && alg.GetString() == algorithm;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool TryDecode(string base64Url, out byte[] bytes)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        bytes = new byte[s.Length];
        return Convert.TryFromBase64String(s, bytes, out var written) && (bytes = bytes[..written]).Length > 0;
    }

    private static SessionTokenResult Unauthorized(string reason) => new(SessionTokenStatus.Unauthorized, reason);
}
