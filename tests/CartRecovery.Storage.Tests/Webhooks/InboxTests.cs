using System.Text;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Webhooks;

public sealed class InboxTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_deliveries_are_all_recorded_durably()
    {
        var storage = await WebhookStorage.CreateAsync();
        var body = Encoding.UTF8.GetBytes(ShopifyFixtures.Text("checkouts_create"));
        var deliveries = Enumerable.Range(0, 250).Select(i => storage.Delivery("checkouts/update", body, webhookId: $"wh-{i}")).ToList();

        var results = await Task.WhenAll(deliveries.Select(d => storage.Inbox.AcceptAsync(d, Cancel)));

        Assert.All(results, r => Assert.Equal(InboxAcceptance.Accepted, r));
        var pending = await storage.Queue.PendingAsync(InboxPartitions.For(WebhookStorage.Shop, storage.Options.Partitions), 1000, Cancel);
        Assert.Equal(250, pending.Count);
        Assert.Equal(deliveries.Select(d => InboxRows.PendingKey(d.WebhookId)).Order(), pending.Select(p => p.RowKey).Order());
    }

    [Fact]
    public async Task Same_delivery_id_sent_concurrently_is_recorded_once()
    {
        var storage = await WebhookStorage.CreateAsync();
        var body = Encoding.UTF8.GetBytes(ShopifyFixtures.Text("carts_create"));
        var copies = Enumerable.Range(0, 6).Select(_ => storage.Delivery("carts/update", body, webhookId: "same-delivery")).ToList();
        var others = Enumerable.Range(0, 20).Select(i => storage.Delivery("carts/update", body, webhookId: $"other-{i}")).ToList();

        var results = await Task.WhenAll(copies.Concat(others).Select(d => storage.Inbox.AcceptAsync(d, Cancel)));

        Assert.Equal(1, results.Take(6).Count(r => r == InboxAcceptance.Accepted));
        Assert.Equal(5, results.Take(6).Count(r => r == InboxAcceptance.Duplicate));
        Assert.All(results.Skip(6), r => Assert.Equal(InboxAcceptance.Accepted, r));
        Assert.Equal(21, await storage.RowCountAsync(TableWebhookInbox.TableName));
    }

    [Fact]
    public async Task Large_cart_body_comes_back_byte_for_byte()
    {
        var storage = await WebhookStorage.CreateAsync();
        var body = Encoding.UTF8.GetBytes(ShopifyFixtures.Text("carts_update_large"));
        Assert.True(body.Length > 300_000);
        var delivery = storage.Delivery("carts/update", body);

        Assert.Equal(InboxAcceptance.Accepted, await storage.Inbox.AcceptAsync(delivery, Cancel));

        var partition = InboxPartitions.For(WebhookStorage.Shop, storage.Options.Partitions);
        var pending = Assert.Single(await storage.Queue.PendingAsync(partition, 10, Cancel));
        var read = InboxRows.FromPending((await storage.Queue.ReadAsync(partition, pending.RowKey, Cancel))!);
        Assert.Equal(body, read.Body.ToArray());
        Assert.Equal((delivery.WebhookId, delivery.EventId, delivery.TriggeredAt), (read.WebhookId, read.EventId, read.TriggeredAt));
    }

    [Fact]
    public async Task Body_that_cannot_be_stored_even_compressed_is_refused_without_a_row()
    {
        var storage = await WebhookStorage.CreateAsync();
        var noise = new byte[1_000_000];
        new Random(7).NextBytes(noise);

        Assert.Equal(InboxAcceptance.TooLarge, await storage.Inbox.AcceptAsync(storage.Delivery("carts/update", noise), Cancel));
        Assert.Equal(0, await storage.RowCountAsync(TableWebhookInbox.TableName));
    }

    [Fact]
    public async Task Processed_ids_are_remembered_for_the_retention_then_forgotten()
    {
        var storage = await WebhookStorage.CreateAsync();
        var delivery = storage.Delivery("carts/update", ShopifyPayloads.Cart("c-ret", storage.Time.GetUtcNow()), webhookId: "wh-ret", eventId: "ev-ret");
        await storage.DeliverAsync(delivery);
        var partition = InboxPartitions.For(WebhookStorage.Shop, storage.Options.Partitions);
        var sameAction = delivery with { WebhookId = "wh-other-subscription" };

        Assert.True(await storage.Queue.AlreadyProcessedAsync(partition, delivery, Cancel));
        Assert.True(await storage.Queue.AlreadyProcessedAsync(partition, sameAction, Cancel));
        Assert.False(await storage.Queue.AlreadyProcessedAsync(partition, sameAction with { Topic = "carts/create" }, Cancel));

        storage.Time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(0, await storage.Queue.PurgeExpiredAsync(partition, Cancel));
        Assert.True(await storage.Queue.AlreadyProcessedAsync(partition, delivery, Cancel));

        storage.Time.Advance(storage.Options.DedupeRetention);
        Assert.Equal(2, await storage.Queue.PurgeExpiredAsync(partition, Cancel));
        Assert.False(await storage.Queue.AlreadyProcessedAsync(partition, delivery, Cancel));
    }
}
