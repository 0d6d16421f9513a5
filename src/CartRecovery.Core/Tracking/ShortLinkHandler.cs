using System.Text.RegularExpressions;
using CartRecovery.Core.Http;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// <c>GET /api/s/{id}</c>: 302 to the signed click link the id stands for (which then records the click and goes to the
/// store). Only links to this app's own click redirect are followed; an unknown or expired id is 404.
/// </summary>
public sealed partial class ShortLinkHandler(ILinkShortener shortener, AppLinkOptions options, TimeProvider time)
{
    public async Task<HostResponse> HandleAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var id = request.RouteValue("id");
        if (id is null || !ShortId().IsMatch(id))
        {
            return HostResponse.Problem(400, "Invalid link", "The short link is malformed.");
        }

        var url = await shortener.ResolveAsync(id, time.GetUtcNow(), cancellationToken);
        if (url is null || !url.StartsWith(options.BaseUrl + "/api/t/c/", StringComparison.Ordinal))
        {
            return HostResponse.Problem(404, "Unknown link", "The short link does not exist or has expired.");
        }

        return new HostResponse(302, null, ReadOnlyMemory<byte>.Empty, new Dictionary<string, string>
        {
            ["Location"] = url,
            ["Cache-Control"] = "no-store",
        });
    }

    [GeneratedRegex("^[A-Za-z0-9]{8,32}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortId();
}
