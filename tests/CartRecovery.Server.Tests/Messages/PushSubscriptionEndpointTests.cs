using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Messaging;
using CartRecovery.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Messages;

public sealed class PushSubscriptionEndpointTests : IAsyncLifetime
{
    private const string Shop = "demo-store.myshopify.com";
    private ServerHost server = null!;
    private HttpClient client = null!;
    private IPushSubscriptions subscriptions = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await ServerHost.StartAsync(
            new Dictionary<string, string?> { ["Push:WebPush:PublicKey"] = "BPublicKeyForTests" },
            services => services.AddSingleton<ISuppressionList, InMemorySuppressionList>());
        client = server.CreateClient();
        subscriptions = server.Services.GetRequiredService<IPushSubscriptions>();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task The_storefront_gets_the_vapid_public_key()
    {
        using var body = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/storefront/push/key", UriKind.Relative), Cancel));

        Assert.Equal("BPublicKeyForTests", body.RootElement.GetProperty("publicKey").GetString());
    }

    [Fact]
    public async Task A_browser_subscription_is_stored_for_its_cart()
    {
        var (p256dh, auth) = Keys();

        using var response = await PostAsync(Shop, Body("cart-tok-9", "https://fcm.googleapis.com/fcm/send/abc:def", p256dh, auth));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var stored = await subscriptions.FindAsync(Shop, "cart-tok-9", null, Cancel);
        Assert.Equal(new PushSubscription("https://fcm.googleapis.com/fcm/send/abc:def", p256dh, auth), stored);
        Assert.Null(await subscriptions.FindAsync("other.myshopify.com", "cart-tok-9", null, Cancel));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data", "The endpoint is not on an allowed push service.")]
    [InlineData("https://evil.example/push", "The endpoint is not on an allowed push service.")]
    [InlineData("http://fcm.googleapis.com/fcm/send/x", "The endpoint is not on an allowed push service.")]
    public async Task Endpoints_outside_the_push_services_are_400_and_not_stored(string endpoint, string detail)
    {
        var (p256dh, auth) = Keys();

        using var response = await PostAsync(Shop, Body("cart-tok-7", endpoint, p256dh, auth));

        await AssertProblemAsync(response, detail);
        Assert.Null(await subscriptions.FindAsync(Shop, "cart-tok-7", null, Cancel));
    }

    [Fact]
    public async Task Malformed_keys_bodies_and_shops_are_400()
    {
        var (p256dh, auth) = Keys();
        var notOnCurve = Base64Url.EncodeToString([0x04, .. new byte[64]]);

        using var badKey = await PostAsync(Shop, Body("c", "https://fcm.googleapis.com/x", notOnCurve, auth));
        using var shortAuth = await PostAsync(Shop, Body("c", "https://fcm.googleapis.com/x", p256dh, Base64Url.EncodeToString(new byte[8])));
        using var notJson = await PostAsync(Shop, "{");
        using var noToken = await PostAsync(Shop, Body("", "https://fcm.googleapis.com/x", p256dh, auth));
        using var badShop = await PostAsync("evil.example", Body("c", "https://fcm.googleapis.com/x", p256dh, auth));
        using var tooBig = await PostAsync(Shop, new string(' ', 9000));

        await AssertProblemAsync(badKey, "keys.p256dh must be a P-256 public key and keys.auth 16 bytes, both base64url.");
        await AssertProblemAsync(shortAuth, "keys.p256dh must be a P-256 public key and keys.auth 16 bytes, both base64url.");
        await AssertProblemAsync(notJson, "The body is not JSON.");
        await AssertProblemAsync(noToken, "cartToken is required: printable ASCII, at most 256 characters.");
        Assert.Equal(HttpStatusCode.BadRequest, badShop.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Null(await subscriptions.FindAsync(Shop, "c", null, Cancel));
    }

    private static (string P256dh, string Auth) Keys()
    {
        using var key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var q = key.ExportParameters(false).Q;
        return (Base64Url.EncodeToString([0x04, .. q.X!, .. q.Y!]), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)));
    }

    private static string Body(string cartToken, string endpoint, string p256dh, string auth) =>
        JsonSerializer.Serialize(new { cartToken, subscription = new { endpoint, expirationTime = (string?)null, keys = new { p256dh, auth } } });

    private Task<HttpResponseMessage> PostAsync(string shop, string body) =>
        client.PostAsync(new Uri($"/api/storefront/{shop}/push-subscriptions", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Cancel);

    private static async Task AssertProblemAsync(HttpResponseMessage response, string detail)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
    }
}
