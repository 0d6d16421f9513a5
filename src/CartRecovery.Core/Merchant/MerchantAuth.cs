using CartRecovery.Core.Http;
using CartRecovery.Core.Shopify;

namespace CartRecovery.Core.Merchant;

/// <summary>The check every merchant handler starts with: a valid shop in the route and a session token for that shop.</summary>
public static class MerchantAuth
{
    /// <summary>Null when the request may go on for <paramref name="shop"/>; otherwise the 400/401/403 problem to answer with.</summary>
    public static HostResponse? Check(SessionTokenValidator validator, HostRequest request, out string shop)
    {
        shop = ShopDomain.Normalize(request.RouteValue("shop")) ?? string.Empty;
        if (shop.Length == 0)
        {
            return HostResponse.Problem(400, "Invalid shop", "The shop must be a *.myshopify.com domain.");
        }

        var result = validator.Validate(request.Header("Authorization"), shop);
        return result.Status switch
        {
            SessionTokenStatus.Valid => null,
            SessionTokenStatus.Forbidden => HostResponse.Problem(403, "Forbidden", result.Reason),
            _ => new HostResponse(401, "application/problem+json; charset=utf-8", HostResponse.Problem(401, "Unauthorized", result.Reason).Body, new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer" }),
        };
    }
}
