using System.Net;
using System.Text;
using Azure.Data.Tables;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage.Carts;
using CartRecovery.Storage.Tables;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Testing;

namespace CartRecovery.Server.Tests.Webhooks;

/// <summary>POST /api/webhooks/shopify end to end: real Kestrel, real Azurite, signed deliveries as Shopify sends them.</summary>
public sealed class WebhookEndpointTests
{
    private const string Shop = WebhookServer.Shop;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<int> InboxRowsAsync(WebhookServer server)
    {
        var table = await server.TableAsync(TableWebhookInbox.TableName);
        var count = 0;
        await foreach (var _ in table.QueryAsync(cancellationToken: Cancel))
        {
            count++;
        }

        return count;
    }

    private static async Task<TrackedCheckout> CheckoutAsync(WebhookServer server, string token)
    {
        var loaded = await server.Service<TableCartRepository>().LoadAsync(Shop, CartKind.Checkout, token, Cancel);
        return new TrackedCheckout(loaded.Exists, loaded.Cart.Snapshot?.Lines.Count ?? 0, loaded.Cart.Order?.OrderId);
    }

    [Fact]
    public async Task Signed_checkout_is_acknowledged_then_processed_into_state()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = ShopifyPayloads.Checkout("ck-e2e", server.Time.GetUtcNow());

        using var response = await server.PostAsync("checkouts/create", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("accepted", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        await WebhookServer.EventuallyAsync(async () => (await CheckoutAsync(server, "ck-e2e")).Exists, "the checkout to be processed");
        Assert.Equal(2, (await CheckoutAsync(server, "ck-e2e")).Lines);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("wrong secret")]
    [InlineData("altered byte")]
    public async Task Bad_signature_is_401_and_changes_nothing(string how)
    {
        await using var server = await WebhookServer.StartAsync();
        var body = ShopifyPayloads.Checkout("ck-bad", server.Time.GetUtcNow());
        using var request = ShopifyWebhookRequest.Create("checkouts/create", Shop, body, how == "wrong secret" ? "other-secret" : WebhookServer.Secret);
        if (how == "missing")
        {
            request.Headers.Remove("X-Shopify-Hmac-Sha256");
        }

        if (how == "altered byte")
        {
            var altered = (byte[])body.Clone();
            altered[^3] ^= 0x01;
            var headers = request.Content!.Headers.ContentType;
            request.Content = new ByteArrayContent(altered);
            request.Content.Headers.ContentType = headers;
        }

        using var response = await server.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await InboxRowsAsync(server));
    }

    [Fact]
    public async Task During_a_secret_rotation_deliveries_signed_with_either_secret_are_accepted()
    {
        await using var server = await WebhookServer.StartAsync(new Dictionary<string, string?> { ["Shopify:ApiSecrets:0"] = "new-secret", ["Shopify:ApiSecrets:1"] = "test-secret" });
        var body = ShopifyPayloads.Cart("cart-rot", server.Time.GetUtcNow());

        using var withOld = await server.PostAsync("carts/create", body, secret: "test-secret");
        using var withNew = await server.PostAsync("carts/update", body, secret: "new-secret");
        using var withNeither = await server.PostAsync("carts/update", body, secret: "retired-secret");

        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withNeither.StatusCode);
    }

    [Fact]
    public async Task Oversized_body_is_413_and_changes_nothing()
    {
        await using var server = await WebhookServer.StartAsync(new Dictionary<string, string?> { ["Webhooks:MaxBodyBytes"] = "65536" });
        var body = Encoding.UTF8.GetBytes(ShopifyFixtures.Text("carts_update_large"));

        using var response = await server.PostAsync("carts/update", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await InboxRowsAsync(server));
    }

    [Fact]
    public async Task Large_cart_within_the_limit_is_accepted_and_processed()
    {
        await using var server = await WebhookServer.StartAsync();
        var body = Encoding.UTF8.GetBytes(ShopifyFixtures.Text("carts_update_large"));

        using var response = await server.PostAsync("carts/update", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WebhookServer.EventuallyAsync(
            async () => (await server.Service<TableCartRepository>().LoadAsync(Shop, CartKind.Cart, "c-large-250-lines-00000000000000", Cancel)).Cart.Snapshot?.Lines.Count == 250,
            "the 250-line cart to be stored");
    }

    [Theory]
    [InlineData("{\"token\": \"ck\", \"line_items\": [")]
    [InlineData("{\"line_items\": []}")]
    [InlineData("[1, 2, 3]")]
    public async Task Malformed_or_incomplete_body_is_400_and_changes_nothing(string json)
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.PostAsync("checkouts/update", Encoding.UTF8.GetBytes(json));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"detail\"", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(0, await InboxRowsAsync(server));
    }

    [Fact]
    public async Task Unknown_topic_is_acknowledged_and_not_recorded()
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.PostAsync("products/update", Encoding.UTF8.GetBytes("{\"id\": 1}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, await InboxRowsAsync(server));
    }

    [Fact]
    public async Task Same_delivery_three_times_has_one_effect()
    {
        await using var server = await WebhookServer.StartAsync();
        var t0 = server.Time.GetUtcNow();
        await server.PostAsync("checkouts/create", ShopifyPayloads.Checkout("ck-3x", t0));
        await WebhookServer.EventuallyAsync(async () => (await CheckoutAsync(server, "ck-3x")).Exists, "the checkout");
        var repository = server.Service<Core.Abandonment.TrackedCarts>();
        var loaded = await repository.LoadAsync(Shop, CartKind.Checkout, "ck-3x", Cancel);
        await repository.TryWriteAsync(loaded, loaded.Cart with { WorkflowStartedAt = t0 }, Cancel);

        var order = ShopifyPayloads.Order(301, "ck-3x", null, t0.AddMinutes(3));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await server.PostAsync("orders/create", order, webhookId: "wh-301", eventId: "ev-301");
            statuses.Add(response.StatusCode);
            await WebhookServer.EventuallyAsync(async () => (await CheckoutAsync(server, "ck-3x")).Order == 301, "the order");
        }

        await WebhookServer.EventuallyAsync(async () => await InboxPendingAsync(server) == 0, "the inbox to drain");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(server.Workflows.SignalsTo(Shop, "ck-3x").OfType<OrderPlaced>());
    }

    [Fact]
    public async Task Concurrent_deliveries_for_the_same_cart_end_in_its_newest_state()
    {
        await using var server = await WebhookServer.StartAsync();
        var t0 = server.Time.GetUtcNow();

        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => server.PostAsync("carts/update", ShopifyPayloads.Cart("cart-many", t0.AddSeconds(i), lines: i))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await WebhookServer.EventuallyAsync(async () => await InboxPendingAsync(server) == 0, "the inbox to drain");
        var cart = await server.Service<TableCartRepository>().LoadAsync(Shop, CartKind.Cart, "cart-many", Cancel);
        Assert.Equal(12, cart.Cart.Snapshot!.Lines.Count);
        Assert.Equal(t0.AddSeconds(12), cart.Cart.LastActivityAt);
    }

    [Fact]
    public async Task Deliveries_recorded_before_a_restart_are_processed_after_it()
    {
        await using var server = await WebhookServer.StartAsync();
        var t0 = server.Time.GetUtcNow();

        await server.RestartAsync(async () =>
        {
            // What a crash right after acknowledging leaves behind: recorded deliveries nobody processed.
            var inbox = new TableWebhookInbox(
                new Storage.StorageTables(new TableServiceClient(await AzuriteServer.Shared()), Microsoft.Extensions.Options.Options.Create(new Storage.StorageOptions { TablePrefix = server.TablePrefix })),
                Microsoft.Extensions.Options.Options.Create(new Core.Webhooks.WebhookOptions()),
                new InboxSignal());
            var delivery = new Core.Webhooks.WebhookDelivery(Shop, "checkouts/create", "wh-before-crash", "ev-before-crash", t0, "2026-07", t0, ShopifyPayloads.Checkout("ck-crash", t0));
            Assert.Equal(Core.Webhooks.InboxAcceptance.Accepted, await inbox.AcceptAsync(delivery, Cancel));
        });

        await WebhookServer.EventuallyAsync(async () => (await CheckoutAsync(server, "ck-crash")).Exists, "the recorded delivery to be processed after the restart");
    }

    private static async Task<int> InboxPendingAsync(WebhookServer server)
    {
        var table = await server.TableAsync(TableWebhookInbox.TableName);
        var count = 0;
        await foreach (var _ in table.QueryAsync(TableClient.CreateQueryFilter($"RowKey ge {"q|"} and RowKey lt {"q}"}"), cancellationToken: Cancel))
        {
            count++;
        }

        return count;
    }

    private sealed record TrackedCheckout(bool Exists, int Lines, long? Order);
}
