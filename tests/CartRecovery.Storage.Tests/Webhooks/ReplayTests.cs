using System.Text;
using System.Text.Json;
using CartRecovery.Core.Http;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>
/// The HMAC covers only the body, so a captured delivery re-sent with new headers verifies. These drive the real handler
/// over the Table-backed inbox and replay guard on Azurite (issue 9, defect 1).
/// </summary>
public sealed class ReplayTests
{
    private const string Secret = "test-secret";
    private const string Shop = WebhookStorage.Shop;
    private const string OtherShop = "other-shop.myshopify.com";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static (ShopifyWebhookHandler Handler, WebhookStorage Storage) Create(WebhookStorage storage)
    {
        var guard = new TableWebhookReplayGuard(storage.Tables, Microsoft.Extensions.Options.Options.Create(storage.Options), storage.Time);
        // A generous budget: these tests are about replays, and a loaded build machine must not turn them into 503s.
        var options = new WebhookOptions { Partitions = storage.Options.Partitions, DedupeRetention = storage.Options.DedupeRetention, AcknowledgeTimeout = TimeSpan.FromSeconds(30) };
        var handler = new ShopifyWebhookHandler(new WebhookSignature(new ShopifyOptions { ApiSecrets = [Secret] }), storage.Inbox, guard, options, storage.Time, NullLogger<ShopifyWebhookHandler>.Instance);
        return (handler, storage);
    }

    private static async Task<(ShopifyWebhookHandler Handler, WebhookStorage Storage)> CreateAsync() => Create(await WebhookStorage.CreateAsync());

    private static HostRequest Request(WebhookStorage s, string topic, byte[] body, string webhookId, string shop = Shop, DateTimeOffset? triggeredAt = null) =>
        new(
            "POST",
            "/api/webhooks/shopify",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [WebhookHeaders.Topic] = topic,
                [WebhookHeaders.ShopDomain] = shop,
                [WebhookHeaders.WebhookId] = webhookId,
                [WebhookHeaders.EventId] = Guid.NewGuid().ToString(),
                [WebhookHeaders.TriggeredAt] = (triggeredAt ?? s.Time.GetUtcNow()).ToString("O"),
                [WebhookHeaders.Hmac] = ShopifyWebhookRequest.Sign(body, Secret),
            },
            new Dictionary<string, string>(),
            new Dictionary<string, string>(),
            body);

    private static string Status(HostResponse response) => JsonDocument.Parse(response.Body).RootElement.GetProperty("status").GetString()!;

    private static async Task<int> PendingAsync(WebhookStorage s, string shop = Shop) =>
        (await s.Queue.PendingAsync(InboxPartitions.For(shop, s.Options.Partitions), 1000, Cancel)).Count(p => true);

    [Fact]
    public async Task Same_body_with_a_new_webhook_id_is_a_replay_acknowledged_without_effect()
    {
        var (handler, s) = await CreateAsync();
        var body = ShopifyPayloads.Checkout("ck-replayed", s.Time.GetUtcNow());

        var first = await handler.HandleAsync(Request(s, "checkouts/create", body, "wh-original"), Cancel);
        var replay = await handler.HandleAsync(Request(s, "checkouts/create", body, "wh-forged"), Cancel);

        Assert.Equal((200, "accepted"), (first.Status, Status(first)));
        Assert.Equal((200, "replay"), (replay.Status, Status(replay)));
        var pending = await s.Queue.PendingAsync(InboxPartitions.For(Shop, s.Options.Partitions), 10, Cancel);
        Assert.Equal([InboxRows.PendingKey("wh-original")], pending.Select(p => p.RowKey));
    }

    [Fact]
    public async Task Same_body_sent_to_another_shop_is_a_replay_and_reaches_nothing_of_that_shop()
    {
        var (handler, s) = await CreateAsync();
        var body = ShopifyPayloads.Checkout("ck-other-shop", s.Time.GetUtcNow());
        await handler.HandleAsync(Request(s, "checkouts/create", body, "wh-a"), Cancel);
        await s.ProcessAsync();

        var replay = await handler.HandleAsync(Request(s, "checkouts/create", body, "wh-b", shop: OtherShop), Cancel);
        await s.ProcessAsync(OtherShop);

        Assert.Equal("replay", Status(replay));
        Assert.False((await s.CheckoutAsync("ck-other-shop", OtherShop)).Exists);
        Assert.True((await s.CheckoutAsync("ck-other-shop")).Exists);
    }

    [Fact]
    public async Task Checkout_body_replayed_as_a_redaction_of_another_shop_is_refused_and_erases_nothing()
    {
        var (handler, s) = await CreateAsync();
        var body = ShopifyPayloads.Checkout("ck-victim", s.Time.GetUtcNow());
        await handler.HandleAsync(Request(s, "checkouts/create", body, "wh-real"), Cancel);
        await s.ProcessAsync();

        foreach (var topic in new[] { "shop/redact", "customers/redact" })
        {
            var forged = await handler.HandleAsync(Request(s, topic, body, "wh-forged-" + topic.Replace('/', '-')), Cancel);
            Assert.Equal(400, forged.Status);
            var forgedElsewhere = await handler.HandleAsync(Request(s, topic, body, "wh-elsewhere-" + topic.Replace('/', '-'), shop: OtherShop), Cancel);
            Assert.Equal(400, forgedElsewhere.Status);
        }

        await s.ProcessAsync();
        Assert.True((await s.CheckoutAsync("ck-victim")).Exists);
        Assert.Equal(0, await PendingAsync(s));
    }

    [Fact]
    public async Task Shopify_retries_of_one_delivery_keep_working_before_and_after_it_was_processed()
    {
        var (handler, s) = await CreateAsync();
        var body = ShopifyPayloads.Checkout("ck-retry", s.Time.GetUtcNow());

        var first = await handler.HandleAsync(Request(s, "checkouts/create", body, "wh-retry"), Cancel);
        var racingRetry = await handler.HandleAsync(Request(s, "checkouts/create", body, "wh-retry"), Cancel);
        await s.ProcessAsync();
        s.Time.Advance(TimeSpan.FromHours(3));
        var lateRetry = await handler.HandleAsync(Request(s, "checkouts/create", body, "wh-retry", triggeredAt: s.Time.GetUtcNow() - TimeSpan.FromHours(3)), Cancel);
        await s.ProcessAsync();

        Assert.Equal(["accepted", "duplicate"], new[] { Status(first), Status(racingRetry) });
        Assert.Equal(200, lateRetry.Status);
        Assert.NotEqual("replay", Status(lateRetry));
        Assert.Equal(0, await PendingAsync(s));
        Assert.True((await s.CheckoutAsync("ck-retry")).Exists);
    }

    [Fact]
    public async Task Identical_bodies_under_two_topics_are_both_deliveries()
    {
        var (handler, s) = await CreateAsync();
        var order = ShopifyPayloads.Order(4242, "ck-paid", null, s.Time.GetUtcNow());

        var created = await handler.HandleAsync(Request(s, "orders/create", order, "wh-created"), Cancel);
        var paid = await handler.HandleAsync(Request(s, "orders/paid", order, "wh-paid"), Cancel);

        Assert.Equal(["accepted", "accepted"], new[] { Status(created), Status(paid) });
        Assert.Equal(2, await PendingAsync(s));
    }

    [Fact]
    public async Task A_body_is_remembered_for_the_retention_then_purged_with_the_ledger()
    {
        var (handler, s) = await CreateAsync();
        var body = ShopifyPayloads.Cart("cart-remembered", s.Time.GetUtcNow());
        await handler.HandleAsync(Request(s, "carts/update", body, "wh-1"), Cancel);

        s.Time.Advance(s.Options.DedupeRetention - TimeSpan.FromMinutes(1));
        Assert.Equal("replay", Status(await handler.HandleAsync(Request(s, "carts/update", body, "wh-2", triggeredAt: s.Time.GetUtcNow()), Cancel)));

        s.Time.Advance(TimeSpan.FromMinutes(2));
        var purged = 0;
        foreach (var partition in InboxPartitions.All(s.Options.Partitions))
        {
            purged += await s.Queue.PurgeExpiredAsync(partition, Cancel);
        }

        Assert.Equal(1, purged);
    }

    [Fact]
    public async Task Concurrent_deliveries_with_some_unstorable_ids_fail_only_those_with_400()
    {
        var (handler, s) = await CreateAsync();
        var badId = new string('/', 200);
        var requests = Enumerable.Range(0, 150).Select(i =>
        {
            var body = ShopifyPayloads.Cart($"cart-{i:D3}", s.Time.GetUtcNow());
            return Request(s, "carts/update", body, i % 10 == 0 ? badId + i : $"wh-{i:D3}");
        }).ToList();

        var responses = await Task.WhenAll(requests.Select(r => Task.Run(() => handler.HandleAsync(r, Cancel), Cancel)));

        Assert.Equal(15, responses.Count(r => r.Status == 400));
        Assert.Equal(135, responses.Count(r => r.Status == 200));
        Assert.Equal(135, await PendingAsync(s));
    }
}
