using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Push;
using CartRecovery.Integrations.Tests.Delivery;
using CartRecovery.Testing;

namespace CartRecovery.Integrations.Tests.Push;

public sealed class WebPushSenderTests : IAsyncLifetime
{
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient http = new();
    private readonly PushReceiver browser = new();
    private readonly VapidKeys vapid = VapidKeys.Generate();
    private LoopbackHttpServer server = null!;

    public async ValueTask InitializeAsync() => server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        browser.Dispose();
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task The_browser_decrypts_the_payload_with_its_private_key()
    {
        server.Respond = (_, context) =>
        {
            context.Response.StatusCode = 201;
            context.Response.Headers.Location = $"{server.BaseAddress}m/abc";
            return Task.CompletedTask;
        };

        var receipt = await Sender().SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken);

        // The library does not hand back the push service's Location; the Topic names the message instead.
        Assert.Equal(new ProviderReceipt("webpush", IdempotencyIds.HexFor(TestDelivery.Key, 32)), receipt);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/push/v2/sub-1", request.Path);
        Assert.Equal("aes128gcm", request.Header("Content-Encoding"));
        Assert.Equal("application/octet-stream", request.Header("Content-Type"));
        Assert.Equal("86400", request.Header("TTL"));
        Assert.Equal(IdempotencyIds.HexFor(TestDelivery.Key, 32), request.Header("Topic"));
        using var payload = JsonDocument.Parse(browser.DecryptText(request.Body));
        Assert.Equal("Demo Store", payload.RootElement.GetProperty("title").GetString());
        Assert.Equal("Your cart misses you: 2 items", payload.RootElement.GetProperty("body").GetString());
        Assert.Equal("https://demo.example/r?utm_medium=push", payload.RootElement.GetProperty("url").GetString());
    }

    [Fact]
    public async Task Each_message_uses_a_fresh_key_and_salt()
    {
        server.Respond = TestDelivery.Status(201);

        await Sender().SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken);
        await Sender().SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken);

        var (first, second) = (server.Requests[0].Body, server.Requests[1].Body);
        Assert.NotEqual(first[..16], second[..16]);
        Assert.NotEqual(first[21..86], second[21..86]);
        Assert.Equal(browser.DecryptText(first), browser.DecryptText(second));
    }

    [Fact]
    public async Task The_vapid_jwt_is_signed_with_the_application_key_for_the_push_services_origin()
    {
        server.Respond = TestDelivery.Status(201);

        var before = DateTimeOffset.UtcNow;
        await Sender().SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken);
        var after = DateTimeOffset.UtcNow;

        var authorization = Assert.Single(server.Requests).Header("Authorization")!;
        Assert.StartsWith("vapid t=", authorization, StringComparison.Ordinal);
        var parts = authorization["vapid ".Length..].Split(", ");
        var token = parts[0]["t=".Length..];
        Assert.Equal("k=" + vapid.PublicKey, parts[1]);

        var segments = token.Split('.');
        var publicKey = Base64Url.DecodeFromChars(vapid.PublicKey);
        using var verifier = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = publicKey[1..33], Y = publicKey[33..] },
        });
        Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes($"{segments[0]}.{segments[1]}"), Base64Url.DecodeFromChars(segments[2]), HashAlgorithmName.SHA256));
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[0]));
        Assert.Equal("ES256", header.RootElement.GetProperty("alg").GetString());
        using var claims = JsonDocument.Parse(Base64Url.DecodeFromChars(segments[1]));
        // The library's audience is scheme and host (no port): the same origin for push services, which all listen on 443.
        Assert.Equal($"{server.BaseAddress.Scheme}://{server.BaseAddress.Host}", claims.RootElement.GetProperty("aud").GetString());
        // The library stamps the token from the wall clock (12 h, the longest RFC 8292 allows is 24 h).
        Assert.InRange(claims.RootElement.GetProperty("exp").GetInt64(), before.AddHours(12).ToUnixTimeSeconds() - 1, after.AddHours(12).ToUnixTimeSeconds() + 1);
        Assert.Equal("mailto:ops@demo.example", claims.RootElement.GetProperty("sub").GetString());
    }

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public async Task A_gone_subscription_is_permanent(int status)
    {
        server.Respond = TestDelivery.Status(status);

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal(status, failure.StatusCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_5xx_is_retried_until_it_succeeds()
    {
        server.Respond = TestDelivery.Sequence((502, "{}"), (201, "{}"));

        await TestDelivery.AsTheEngineRetries(2, () => Sender().SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].Header("Topic"), server.Requests[1].Header("Topic"));
    }

    [Fact]
    public async Task A_429_is_transient_not_retried_by_the_library_and_the_engines_next_attempt_delivers()
    {
        server.Respond = TestDelivery.Sequence((429, "{}"), (201, "{}"));

        var first = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => Sender().SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken));
        Assert.Single(server.Requests);
        Assert.Equal(429, first.StatusCode);

        await Sender().SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(browser.DecryptText(server.Requests[0].Body), browser.DecryptText(server.Requests[1].Body));
    }

    [Fact]
    public async Task A_refusal_other_than_gone_is_permanent_with_its_status()
    {
        server.Respond = TestDelivery.Status(413);

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("HTTP 413", failure.Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_push_service_that_does_not_answer_times_out_as_transient()
    {
        server.Respond = TestDelivery.Hang;
        var sender = new WebPushSender(http, Options(), TestDelivery.TimeoutFactory());

        var failure = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => sender.SendAsync(TestDelivery.Push(), Subscription(), TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("timed out", failure.Reason);
    }

    [Fact]
    public async Task A_subscription_with_malformed_keys_is_permanent_without_a_request()
    {
        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync(TestDelivery.Push(), Subscription() with { P256dh = "not a key!" }, TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Empty(server.Requests);
        Assert.Null(failure.StatusCode);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("https://evil.example/push")]
    [InlineData("https://user:pw@127.0.0.1/push")]
    [InlineData("not a url")]
    public async Task An_endpoint_outside_the_allowed_push_services_is_refused_without_a_request(string endpoint)
    {
        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync(TestDelivery.Push(), Subscription() with { Endpoint = endpoint }, TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("subscription endpoint is not on an allowed push service", failure.Reason);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("https://fcm.googleapis.com/fcm/send/abc", true)]
    [InlineData("https://updates.push.services.mozilla.com/wpush/v2/abc", true)]
    [InlineData("https://wns2-par02p.notify.windows.com/w/?token=abc", true)]
    [InlineData("https://web.push.apple.com/abc", true)]
    [InlineData("http://fcm.googleapis.com/fcm/send/abc", false)]
    [InlineData("https://fcm.googleapis.com.evil.example/x", false)]
    [InlineData("https://notfcm.googleapis.com/x", false)]
    public void The_default_policy_allows_the_browsers_push_services_over_https_only(string endpoint, bool allowed)
    {
        Assert.Equal(allowed, PushEndpointPolicy.IsAllowed(endpoint, new WebPushSettings()));
    }

    private PushSubscription Subscription() =>
        new($"{server.BaseAddress}push/v2/sub-1", Base64Url.EncodeToString(browser.PublicKey), Base64Url.EncodeToString(browser.AuthSecret));

    private WebPushSender Sender() => new(http, Options(), TestDelivery.Factory(clock));

    private Microsoft.Extensions.Options.IOptions<PushOptions> Options() => Microsoft.Extensions.Options.Options.Create(new PushOptions
    {
        Provider = PushProviderKind.WebPush,
        WebPush = new WebPushSettings
        {
            Subject = "mailto:ops@demo.example",
            PublicKey = vapid.PublicKey,
            PrivateKey = vapid.PrivateKey,
            AllowedEndpointHosts = ["127.0.0.1"],
            AllowInsecureEndpoints = true,
        },
    });
}
