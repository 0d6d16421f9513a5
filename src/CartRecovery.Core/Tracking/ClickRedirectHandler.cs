using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Shops;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// <c>GET /api/t/c/{token}</c>: records the click and answers 302 to the signed target with UTM parameters, but only when the
/// target is on one of the store's own domains (400 otherwise: no open redirect). A genuine but expired link goes to the
/// store's front page, unrecorded, rather than to an error. <c>HEAD</c> (link checkers, mail scanners) gets the same answer
/// without a click being recorded. Every check, including that the redirect can be written as a header, comes before the
/// click is recorded.
/// </summary>
public sealed class ClickRedirectHandler(TokenSigner signer, IShopRepository shops, EngagementRecorder recorder, AppLinkOptions options, TimeProvider time)
{
    public async Task<HostResponse> HandleAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var check = signer.Verify(request.RouteValue("token"), TokenPurpose.Click, time.GetUtcNow());
        var shop = ShopDomain.Normalize(check.Token?.Shop);
        if (check.Status == TokenStatus.Expired && shop is not null)
        {
            return Redirect($"https://{shop}/");
        }

        if (!check.IsValid || shop is null)
        {
            return HostResponse.Problem(400, "Invalid link", check.IsValid ? "The link names no valid store." : check.Reason);
        }

        var token = check.Token!;
        var store = (await shops.GetAsync(shop, cancellationToken)).Profile;
        if (!RedirectAllowList.IsAllowed(token.Target, store, options.AllowInsecureRedirects))
        {
            return HostResponse.Problem(400, "Invalid link", "The link's destination is not one of the store's domains.");
        }

        var location = Utm.Apply(token.Target!, token.Channel, token.StepId);
        if (location.Any(char.IsControl))
        {
            return HostResponse.Problem(400, "Invalid link", "The link's destination is not a valid address.");
        }

        if (!string.Equals(request.Method, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            await recorder.RecordAsync(token, MessageEventKind.Clicked, cancellationToken);
        }

        return Redirect(location);
    }

    private static HostResponse Redirect(string location) => new(302, null, ReadOnlyMemory<byte>.Empty, new Dictionary<string, string>
    {
        ["Location"] = location,
        ["Cache-Control"] = "no-store",
    });
}
