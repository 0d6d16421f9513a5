using System.Text.RegularExpressions;
using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Tracking;

namespace CartRecovery.Core.Storefront;

/// <summary>
/// <c>GET /api/storefront/popup?shop=…&amp;cart=…</c>: the popup content for a cart with a pending popup step (200), nothing
/// (204) otherwise. Readable cross-origin only from the store's own domains (403 for any other origin).
/// </summary>
public sealed partial class PopupHandler(IPopupMessages popups, IShopRepository shops, MessageComposer composer, AppLinkOptions options)
{
    public async Task<HostResponse> HandleAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var shop = ShopDomain.Normalize(request.QueryValue("shop"));
        if (shop is null)
        {
            return HostResponse.Problem(400, "Invalid shop", "shop must be a *.myshopify.com domain.");
        }

        var cart = CartTokenOf(request.QueryValue("cart"));
        if (cart is null)
        {
            return HostResponse.Problem(400, "Invalid cart", "cart must be the storefront's cart token.");
        }

        var store = (await shops.GetAsync(shop, cancellationToken)).Profile;
        var cors = StorefrontCors.HeadersFor(request, store, options.AllowInsecureRedirects);
        if (cors is null)
        {
            return HostResponse.Problem(403, "Forbidden", "This origin is not one of the store's domains.");
        }

        var pending = await popups.FindPendingAsync(shop, cart, cancellationToken);
        if (pending is null || !string.Equals(pending.Step.Cart.Shop, shop, StringComparison.OrdinalIgnoreCase))
        {
            return HostResponse.Empty(204) with { Headers = cors };
        }

        var content = await composer.ComposePopupAsync(pending.Step, pending.MessageId, cancellationToken);
        return HostResponse.Ok(content) with { Headers = cors };
    }

    /// <summary>The cart cookie may carry "?key=…" after the token (newer storefronts); the token is what webhooks name.</summary>
    public static string? CartTokenOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var token = value.Split('?')[0].Trim();
        return CartToken().IsMatch(token) ? token : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_\\-:=.]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex CartToken();
}
