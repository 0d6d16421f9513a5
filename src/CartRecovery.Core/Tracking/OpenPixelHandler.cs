using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// <c>GET /api/t/o/{token}</c>: always answers a 1×1 transparent GIF (a broken image in a customer's mail would be worse
/// than a lost open), and records the open when the token is valid and the request is a <c>GET</c> (a <c>HEAD</c> is a
/// scanner checking the link, not a reader).
/// </summary>
public sealed class OpenPixelHandler(TokenSigner signer, EngagementRecorder recorder, TimeProvider time)
{
    /// <summary>The smallest transparent GIF89a.</summary>
    public static readonly byte[] Gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public async Task<HostResponse> HandleAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var check = signer.Verify(request.RouteValue("token"), TokenPurpose.Open, time.GetUtcNow());
        if (check.IsValid && !string.Equals(request.Method, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            await recorder.RecordAsync(check.Token!, MessageEventKind.Opened, cancellationToken);
        }

        return new HostResponse(200, "image/gif", Gif, new Dictionary<string, string>
        {
            ["Cache-Control"] = "no-store, no-cache, must-revalidate, private",
            ["Pragma"] = "no-cache",
        });
    }
}
