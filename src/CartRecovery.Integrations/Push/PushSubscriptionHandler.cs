using System.Text.Json;
using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shopify;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Push;

/// <summary>
/// The storefront's side of Web Push: <c>GET /api/storefront/push/key</c> gives the VAPID public key to subscribe with, and
/// <c>POST /api/storefront/{shop}/push-subscriptions</c> stores a browser's subscription for its cart,
/// <c>{"cartToken":"…","subscription":{"endpoint":"…","keys":{"p256dh":"…","auth":"…"}}}</c> (PushSubscription.toJSON()).
/// Only endpoints on the allowed push services are kept, so the server never posts to an address a visitor made up.
/// </summary>
public sealed class PushSubscriptionHandler(IPushSubscriptions subscriptions, IOptions<PushOptions> pushOptions, TimeProvider timeProvider)
{
    public const long MaxBodyBytes = 8 * 1024;

    public Task<HostResponse> PublicKeyAsync(HostRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(pushOptions.Value.WebPush.PublicKey is { Length: > 0 } key
            ? HostResponse.Ok(new { publicKey = key })
            : HostResponse.Problem(404, "Push is not configured", "Push:WebPush:PublicKey is not set on this deployment."));

    public async Task<HostResponse> SubscribeAsync(HostRequest request, CancellationToken cancellationToken)
    {
        var shop = ShopDomain.Normalize(request.RouteValue("shop"));
        if (shop is null)
        {
            return HostResponse.Problem(400, "Invalid shop", "The shop must be a *.myshopify.com domain.");
        }

        var (cartToken, subscription, error) = Parse(request.Body);
        if (error is not null)
        {
            return HostResponse.Problem(400, "Invalid subscription", error);
        }

        await subscriptions.SaveAsync(shop, cartToken, null, subscription!, timeProvider.GetUtcNow(), cancellationToken);
        return HostResponse.Empty(204);
    }

    private (string? CartToken, PushSubscription? Subscription, string? Error) Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var cartToken = Text(root, "cartToken");
            if (cartToken is not { Length: > 0 and <= 256 } || !cartToken.All(c => c is > ' ' and < (char)127))
            {
                return (null, null, "cartToken is required: printable ASCII, at most 256 characters.");
            }

            if (!root.TryGetProperty("subscription", out var subscription) || subscription.ValueKind != JsonValueKind.Object
                || Text(subscription, "endpoint") is not { } endpoint
                || !subscription.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Object
                || Text(keys, "p256dh") is not { } p256dh || Text(keys, "auth") is not { } auth)
            {
                return (null, null, "subscription needs endpoint and keys.p256dh and keys.auth (PushSubscription.toJSON()).");
            }

            if (!PushEndpointPolicy.IsAllowed(endpoint, pushOptions.Value.WebPush))
            {
                return (null, null, "The endpoint is not on an allowed push service.");
            }

            return PushSubscriptionKeys.AreValid(p256dh, auth)
                ? (cartToken, new PushSubscription(endpoint, p256dh, auth), null)
                : (null, null, "keys.p256dh must be a P-256 public key and keys.auth 16 bytes, both base64url.");
        }
        catch (JsonException)
        {
            return (null, null, "The body is not JSON.");
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
