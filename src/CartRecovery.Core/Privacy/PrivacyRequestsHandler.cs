using CartRecovery.Core.Http;
using CartRecovery.Core.Merchant;

namespace CartRecovery.Core.Privacy;

/// <summary>
/// <c>GET /api/stores/{shop}/privacy/requests</c> and <c>…/requests/{id}</c>: the merchant fetches the data requests Shopify
/// sent and the export to hand to the customer. Session-token authenticated, scoped to the token's shop.
/// </summary>
public sealed class PrivacyRequestsHandler(SessionTokenValidator validator, IPrivacyRequestRepository store)
{
    public async Task<HostResponse> ListAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(validator, request, out var shop) is { } refused)
        {
            return refused;
        }

        return HostResponse.Ok(new { requests = await store.ListAsync(shop, cancellationToken).ConfigureAwait(false) });
    }

    public async Task<HostResponse> GetAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (MerchantAuth.Check(validator, request, out var shop) is { } refused)
        {
            return refused;
        }

        var id = request.RouteValue("id");
        if (string.IsNullOrWhiteSpace(id) || id.Length > 100)
        {
            return HostResponse.Problem(400, "Invalid request id");
        }

        var export = await store.GetExportAsync(shop, id, cancellationToken).ConfigureAwait(false);
        return export is null
            ? HostResponse.Problem(404, "Not found", "No data request with this id for this shop.")
            : new HostResponse(200, "application/json; charset=utf-8", export, new Dictionary<string, string> { ["Content-Disposition"] = $"attachment; filename=\"data-request-{Uri.EscapeDataString(id)}.json\"" });
    }
}
