using System.Buffers.Text;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Delivery;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Push;

/// <summary>
/// Web Push (RFC 8030) to the subscription's push service: VAPID-authorised (RFC 8292), payload encrypted for the browser
/// (RFC 8291). The <c>Topic</c> is derived from the step's idempotency key, so a retried message replaces an undelivered
/// copy instead of arriving twice. 404/410 mean the subscription is gone (permanent).
/// </summary>
public sealed class WebPushSender(HttpClient http, IOptions<PushOptions> pushOptions, ProviderHttpFactory providers) : IPushSender
{
    private readonly ProviderHttp provider = providers.Create(http, "webpush");
    private readonly PushOptions options = pushOptions.Value;

    public string Provider => provider.Provider;

    public async Task<ProviderReceipt> SendAsync(RenderedMessage message, PushSubscription subscription, DeliveryContext context, CancellationToken cancellationToken)
    {
        if (!PushEndpointPolicy.IsAllowed(subscription.Endpoint, options.WebPush))
        {
            throw new PermanentDeliveryException(Provider, null, "subscription endpoint is not on an allowed push service");
        }

        var endpoint = new Uri(subscription.Endpoint);

        byte[] userAgentKey, authSecret;
        try
        {
            userAgentKey = Base64Url.DecodeFromChars(subscription.P256dh);
            authSecret = Base64Url.DecodeFromChars(subscription.Auth);
        }
        catch (FormatException)
        {
            throw new PermanentDeliveryException(Provider, null, "subscription keys are not base64url");
        }

        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string?>
        {
            ["title"] = message.Title,
            ["body"] = message.Text,
            ["url"] = message.ActionUrl,
        });
        byte[] encrypted;
        try
        {
            encrypted = WebPushEncryption.Encrypt(payload, userAgentKey, authSecret);
        }
        catch (ArgumentException failure)
        {
            throw new PermanentDeliveryException(Provider, null, failure.Message.Split('(')[0].Trim());
        }

        var topic = IdempotencyIds.HexFor(context.IdempotencyKey, 32);
        var ttl = ((long)options.WebPush.TimeToLive.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        var response = await provider.SendAsync(
            () =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(encrypted) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                request.Content.Headers.ContentEncoding.Add("aes128gcm");
                request.Headers.TryAddWithoutValidation("TTL", ttl);
                request.Headers.TryAddWithoutValidation("Topic", topic);
                request.Headers.TryAddWithoutValidation("Urgency", "normal");
                request.Headers.TryAddWithoutValidation("Authorization", VapidToken.AuthorizationFor(endpoint, options.WebPush, providers.TimeProvider.GetUtcNow()));
                return request;
            },
            cancellationToken);
        return new ProviderReceipt(Provider, response.Headers.Location?.ToString() ?? topic);
    }
}
