using System.Text.Json;
using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Tracking;

namespace CartRecovery.Core.Storefront;

/// <summary>
/// <c>POST /api/storefront/events</c> with <c>{"token": "…", "kind": "shown" | "dismissed" | "clicked"}</c> (sent as text/plain so
/// browsers need no preflight): records a popup event against the message the signed token names. Clicks are normally
/// recorded by the tracked redirect instead; "clicked" is accepted for scripts that cannot navigate through it.
/// </summary>
public sealed class StorefrontEventsHandler(TokenSigner signer, IShopRepository shops, EngagementRecorder recorder, AppLinkOptions options, TimeProvider time)
{
    public const int MaxBodyBytes = 8 * 1024;

    public async Task<HostResponse> HandleAsync(HostRequest request, CancellationToken cancellationToken)
    {
        if (!TryRead(request.Body, out var token, out var kindText))
        {
            return HostResponse.Problem(400, "Invalid event", "The body must be JSON with 'token' and 'kind'.");
        }

        MessageEventKind? kind = kindText switch
        {
            "shown" => MessageEventKind.Shown,
            "dismissed" => MessageEventKind.Dismissed,
            "clicked" => MessageEventKind.Clicked,
            _ => null,
        };
        if (kind is null)
        {
            return HostResponse.Problem(400, "Invalid event", "kind must be shown, dismissed or clicked.");
        }

        var check = signer.Verify(token, TokenPurpose.Popup, time.GetUtcNow());
        if (!check.IsValid)
        {
            return HostResponse.Problem(400, "Invalid token", check.Reason);
        }

        var store = (await shops.GetAsync(check.Token!.Shop, cancellationToken)).Profile;
        var cors = StorefrontCors.HeadersFor(request, store, options.AllowInsecureRedirects);
        if (cors is null)
        {
            return HostResponse.Problem(403, "Forbidden", "This origin is not one of the store's domains.");
        }

        await recorder.RecordAsync(check.Token, kind.Value, cancellationToken);
        return HostResponse.Empty(204) with { Headers = cors };
    }

    private static bool TryRead(ReadOnlyMemory<byte> body, out string? token, out string? kind)
    {
        token = null;
        kind = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("token", out var t) || t.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("kind", out var k) || k.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            token = t.GetString();
            kind = k.GetString();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
