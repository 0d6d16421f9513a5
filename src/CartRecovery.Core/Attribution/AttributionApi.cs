using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;

namespace CartRecovery.Core.Attribution;

/// <summary><c>GET /api/stores/{shop}/orders/{orderId}/attribution</c>: the recovery an order is attributed to, or 404 when none.</summary>
public sealed class AttributionApi(IAttributionRepository store, SessionTokenValidator sessions)
{
    public async Task<HostResponse> GetAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(sessions, request, out var shop) is { } refused)
        {
            return refused;
        }

        var orderId = request.RouteValue("orderId");
        if (string.IsNullOrWhiteSpace(orderId) || orderId.Length > 40 || !orderId.All(char.IsAsciiDigit))
        {
            return HostResponse.Problem(400, "Invalid order id", "orderId is Shopify's numeric order id.");
        }

        var order = await store.GetOrderAsync(shop, orderId, cancellationToken).ConfigureAwait(false);
        return order is null
            ? HostResponse.Problem(404, "Order not attributed", "No recovery of this shop is credited with that order (or the order is unknown).")
            : HostResponse.Ok(AttributionView.From(order));
    }
}
