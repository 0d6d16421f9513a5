using System.Text;
using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Delivery;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using BrowserSubscription = Lib.Net.Http.WebPush.PushSubscription;

namespace CartRecovery.Integrations.Push;

/// <summary>
/// Web Push (RFC 8030) through <c>Lib.Net.Http.WebPush</c>: the payload encrypted for the browser (RFC 8291, aes128gcm) and
/// the request authorised with VAPID (RFC 8292) by the library; retries, timeouts and the sorting of answers are ours, as
/// for every provider. The <c>Topic</c> is derived from the step's idempotency key, so a retried message replaces an
/// undelivered copy instead of arriving twice. 404/410 mean the subscription is gone (permanent).
/// </summary>
public sealed class WebPushSender(HttpClient http, IOptions<PushOptions> pushOptions, ProviderHttpFactory providers) : IPushSender
{
    /// <summary>The library sends one 4096-byte aes128gcm record: the payload, a delimiter byte and the 16-byte tag.</summary>
    public const int MaxPayloadBytes = 4096 - 1 - 16;

    // The library's own 429 loop would wait on the wall clock outside our retry budget; Polly retries instead.
    private readonly PushServiceClient client = new(http) { AutoRetryAfter = false };
    private readonly PushOptions options = pushOptions.Value;

    public string Provider => "webpush";

    public async Task<ProviderReceipt> SendAsync(RenderedMessage message, Core.Messaging.PushSubscription subscription, DeliveryContext context, CancellationToken cancellationToken)
    {
        if (!PushEndpointPolicy.IsAllowed(subscription.Endpoint, options.WebPush))
        {
            throw new PermanentDeliveryException(Provider, null, "subscription endpoint is not on an allowed push service");
        }

        if (!PushSubscriptionKeys.AreValid(subscription.P256dh, subscription.Auth))
        {
            throw new PermanentDeliveryException(Provider, null, "subscription keys are not a P-256 public key and a 16-byte secret");
        }

        var payload = JsonSerializer.Serialize(new Dictionary<string, string?>
        {
            ["title"] = message.Title,
            ["body"] = message.Text,
            ["url"] = message.ActionUrl,
        });
        if (Encoding.UTF8.GetByteCount(payload) > MaxPayloadBytes)
        {
            throw new PermanentDeliveryException(Provider, null, $"the payload is longer than {MaxPayloadBytes} bytes");
        }

        var target = new BrowserSubscription { Endpoint = subscription.Endpoint };
        target.SetKey(PushEncryptionKeyName.P256DH, subscription.P256dh);
        target.SetKey(PushEncryptionKeyName.Auth, subscription.Auth);
        var topic = IdempotencyIds.HexFor(context.IdempotencyKey, 32);
        using var vapid = Vapid();
        try
        {
            await providers.Pipeline.ExecuteAsync(
                async token =>
                {
                    var push = new PushMessage(payload)
                    {
                        Topic = topic,
                        TimeToLive = (int)options.WebPush.TimeToLive.TotalSeconds,
                        Urgency = PushMessageUrgency.Normal,
                    };
                    try
                    {
                        await client.RequestPushMessageDeliveryAsync(target, push, vapid, VapidAuthenticationScheme.Vapid, token);
                    }
                    catch (PushServiceClientException failure) when (Classify(failure) is { } classified)
                    {
                        throw classified;
                    }
                },
                cancellationToken);
        }
        catch (TimeoutRejectedException timeout)
        {
            throw new TransientDeliveryException(Provider, null, "timed out", null, timeout);
        }
        catch (HttpRequestException failure)
        {
            throw new TransientDeliveryException(Provider, null, $"connection failed ({failure.HttpRequestError})", null, failure);
        }

        return new ProviderReceipt(Provider, topic);
    }

    /// <summary>
    /// The library accepts only 201; any other 2xx is still an accepted message (null: nothing to throw). The status decides
    /// the rest; the push service's reason text is never used.
    /// </summary>
    private Exception? Classify(PushServiceClientException failure)
    {
        var status = (int)failure.StatusCode;
        if (status is >= 200 and < 300)
        {
            return null;
        }

        return ProviderHttp.IsTransient(status)
            ? new TransientDeliveryException(Provider, status, $"HTTP {status}", RetryAfter(failure))
            : new PermanentDeliveryException(Provider, status, $"HTTP {status}");
    }

    private TimeSpan? RetryAfter(PushServiceClientException failure) =>
        failure.Headers?.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - providers.TimeProvider.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
            _ => null,
        };

    private VapidAuthentication Vapid()
    {
        var settings = options.WebPush;
        try
        {
            return new VapidAuthentication(Required(settings.PublicKey, "PublicKey"), Required(settings.PrivateKey, "PrivateKey")) { Subject = settings.Subject };
        }
        catch (ArgumentException failure)
        {
            throw new InvalidOperationException("Push:WebPush needs a VAPID key pair (65-byte public, 32-byte private, base64url) and a mailto: or https: Subject.", failure);
        }
    }

    private static string Required(string? value, string name) =>
        value is { Length: > 0 } ? value : throw new InvalidOperationException($"Push:WebPush:{name} is not configured.");
}
