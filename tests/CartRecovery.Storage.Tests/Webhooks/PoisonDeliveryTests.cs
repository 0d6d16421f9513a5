using Azure.Data.Tables;
using System.Diagnostics.Metrics;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage.Tables;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>Deliveries that cannot be stored or processed: they fail alone, never block their shop, and are visible (issue 9, defects 3 and 4).</summary>
public sealed class PoisonDeliveryTests
{
    private const string Shop = WebhookStorage.Shop;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Group_commit_fails_only_the_entity_the_table_refuses_and_writes_its_neighbours()
    {
        var storage = await WebhookStorage.CreateAsync();
        var inserter = new GroupCommitInserter(ct => storage.Tables.GetAsync("GroupCommit", ct));
        var inserts = Enumerable.Range(0, 150).Select(i =>
        {
            // Every tenth key is one the Table service refuses (over 1 KiB); the rest are fine.
            var key = i % 10 == 0 ? new string('k', 600) + i : $"ok-{i:D3}";
            return (Bad: i % 10 == 0, Task: Task.Run(() => inserter.InsertAsync(new TableEntity("p", key) { ["N"] = i }, 100), Cancel));
        }).ToList();

        foreach (var (bad, task) in inserts)
        {
            if (bad)
            {
                await Assert.ThrowsAnyAsync<Exception>(() => task);
            }
            else
            {
                Assert.True(await task);
            }
        }

        Assert.Equal(135, await storage.RowCountAsync("GroupCommit"));
    }

    [Fact]
    public async Task Delivery_with_an_over_long_event_id_recorded_earlier_is_still_processed_and_completed()
    {
        var s = await WebhookStorage.CreateAsync();
        var delivery = s.Delivery("checkouts/create", ShopifyPayloads.Checkout("ck-long-event", s.Time.GetUtcNow()), eventId: new string('e', 2000), webhookId: new string('/', 200));

        Assert.Equal(InboxAcceptance.Accepted, await s.DeliverAsync(delivery));

        var partition = InboxPartitions.For(Shop, s.Options.Partitions);
        Assert.Empty(await s.Queue.PendingAsync(partition, 10, Cancel));
        Assert.True(await s.Queue.AlreadyProcessedAsync(partition, delivery, Cancel));
        Assert.True((await s.CheckoutAsync("ck-long-event")).Exists);
    }

    [Fact]
    public async Task Permanently_failing_delivery_is_dead_lettered_at_once_counted_listed_and_does_not_hold_up_a_data_request()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.RecoveringCheckoutAsync("ck-poison", t0);
        var processor = s.NewProcessor(new RefusingWorkflows(s.Workflows));
        var worker = new WebhookInboxWorker(s.Queue, processor, NullLogger<WebhookInboxWorker>.Instance);
        var deadLettered = 0L;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CartRecovery.Core.Telemetry.CartRecoveryMetrics.MeterName && instrument.Name == "cartrecovery.webhooks.dead_lettered")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref deadLettered, value));
        listener.Start();

        await s.AcceptAsync("checkouts/update", ShopifyPayloads.Checkout("ck-poison", t0.AddMinutes(1), lines: 2), "wh-poison");
        s.Time.Advance(TimeSpan.FromSeconds(1));
        await s.AcceptAsync("customers/data_request", ShopifyPayloads.Privacy("customers_data_request", Shop, 603851970716743426, "zoe.nunez@example.com", null, requestId: 4711), "wh-request");
        await worker.RunPassAsync(InboxPartitions.For(Shop, s.Options.Partitions), Cancel);
        await worker.RunPassAsync(InboxPartitions.For(Shop, s.Options.Partitions), Cancel);

        Assert.NotNull(await s.Privacy.GetExportAsync(Shop, "4711", Cancel));
        Assert.Empty(await s.Queue.PendingAsync(InboxPartitions.For(Shop, s.Options.Partitions), 10, Cancel));
        var dead = Assert.Single(await new TableDeadLetters(s.Tables, Microsoft.Extensions.Options.Options.Create(s.Options)).ListAsync(Shop, 10, Cancel));
        Assert.Equal(("wh-poison", "checkouts/update", 1), (dead.WebhookId, dead.Topic, dead.Attempts));
        Assert.Equal(1, Interlocked.Read(ref deadLettered));
        Assert.Empty(await new TableDeadLetters(s.Tables, Microsoft.Extensions.Options.Options.Create(s.Options)).ListAsync("other-shop.myshopify.com", 10, Cancel));
    }

    /// <summary>The recording port, but signalling a recovery is refused the way storage refuses a key: no retry can cure it.</summary>
    private sealed class RefusingWorkflows(RecordingRecoveryWorkflows inner) : IRecoveryWorkflows
    {
        public Task StartAsync(Core.Carts.CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken) => inner.StartAsync(abandoned, abandonedAt, cancellationToken);

        public Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken) => Task.FromException(new ArgumentException("RowKey is longer than the Table service's limit of 1 KiB."));

        public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken) => inner.SignalCustomerAsync(shop, customerKey, signal, cancellationToken);

        public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken) => inner.SignalShopAsync(shop, signal, cancellationToken);
    }
}
