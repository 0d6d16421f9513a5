using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>
/// A pass applies only the newest state of each cart or checkout it finds pending, and completes every delivery it covers
/// only after that write (issue 9, "Processing keeps up").
/// </summary>
public sealed class CoalescingTests
{
    private const string Shop = WebhookStorage.Shop;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Newest_state_wins_signals_once_and_every_coalesced_delivery_is_completed_in_the_ledger()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.RecoveringCheckoutAsync("ck-burst", t0);
        var deliveries = new[] { 3, 1, 5, 2, 4 }
            .Select(m => s.Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-burst", t0.AddMinutes(m), createdAt: t0, lines: m)))
            .ToList();
        foreach (var delivery in deliveries)
        {
            await s.Inbox.AcceptAsync(delivery, Cancel);
            s.Time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(5, await s.ProcessAsync());

        var checkout = await s.CheckoutAsync("ck-burst");
        Assert.Equal(5, checkout.Cart.Snapshot!.Lines.Count);
        Assert.Equal(t0.AddMinutes(5), checkout.Cart.LastActivityAt);
        Assert.Null(checkout.DueAt); // its recovery runs already
        Assert.Equal(5, Assert.IsType<CartUpdated>(Assert.Single(s.Workflows.SignalsTo(Shop, "ck-burst"))).Cart.Lines.Count);
        Assert.Empty(await s.Queue.PendingAsync(Partition(s), 100, Cancel));
        foreach (var delivery in deliveries)
        {
            Assert.True(await s.Queue.AlreadyProcessedAsync(Partition(s), delivery, Cancel));
        }

        // Shopify retrying a covered delivery later (same webhook id) is a duplicate: no second effect.
        await s.DeliverAsync(deliveries[1] with { ReceivedAt = s.Time.GetUtcNow() });
        Assert.Single(s.Workflows.SignalsTo(Shop, "ck-burst"));
        Assert.Equal(5, (await s.CheckoutAsync("ck-burst")).Cart.Snapshot!.Lines.Count);
    }

    [Fact]
    public async Task Crash_between_the_write_and_the_completion_reprocesses_the_whole_group_with_one_effect()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.RecoveringCheckoutAsync("ck-crash", t0);
        var deliveries = Enumerable.Range(1, 4)
            .Select(m => s.Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-crash", t0.AddMinutes(m), createdAt: t0, lines: m)))
            .ToList();
        foreach (var delivery in deliveries)
        {
            await s.Inbox.AcceptAsync(delivery, Cancel);
        }

        // The process stops right after a group's write, before anything is completed.
        using var crash = new CancellationTokenSource();
        var crashing = new WebhookInboxWorker(s.Queue, s.Processor, NullLogger<WebhookInboxWorker>.Instance, pace: ct =>
        {
            crash.Cancel();
            return Task.FromCanceled(ct);
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => crashing.RunPassAsync(Partition(s), crash.Token));

        Assert.Equal(4, (await s.CheckoutAsync("ck-crash")).Cart.Snapshot!.Lines.Count);
        Assert.Equal(4, (await s.Queue.PendingAsync(Partition(s), 100, Cancel)).Count);
        foreach (var delivery in deliveries)
        {
            Assert.False(await s.Queue.AlreadyProcessedAsync(Partition(s), delivery, Cancel));
        }

        Assert.Equal(4, await s.ProcessAsync());

        Assert.Equal(4, (await s.CheckoutAsync("ck-crash")).Cart.Snapshot!.Lines.Count);
        Assert.Equal(4, Assert.IsType<CartUpdated>(Assert.Single(s.Workflows.SignalsTo(Shop, "ck-crash"))).Cart.Lines.Count);
        Assert.Empty(await s.Queue.PendingAsync(Partition(s), 100, Cancel));
        foreach (var delivery in deliveries)
        {
            Assert.True(await s.Queue.AlreadyProcessedAsync(Partition(s), delivery, Cancel));
        }
    }

    [Fact]
    public async Task A_deletion_by_numeric_id_between_two_states_sees_the_first_and_the_later_state_does_not_undo_it()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.AcceptAsync("checkouts/create", ShopifyPayloads.Checkout("ck-del", t0, createdAt: t0, id: 4242));
        s.Time.Advance(TimeSpan.FromMilliseconds(1));
        await s.AcceptAsync("checkouts/delete", ShopifyPayloads.CheckoutDeletion(4242));
        s.Time.Advance(TimeSpan.FromMilliseconds(1));
        await s.AcceptAsync("checkouts/update", ShopifyPayloads.Checkout("ck-del", t0.AddMinutes(1), createdAt: t0, id: 4242, lines: 3));

        Assert.Equal(3, await s.ProcessAsync());

        var checkout = await s.CheckoutAsync("ck-del");
        Assert.NotNull(checkout.Cart.DeletedAt);
        Assert.Equal(3, checkout.Cart.Snapshot!.Lines.Count);
        Assert.Null(checkout.DueAt);
    }

    [Fact]
    public async Task Many_carts_and_checkouts_of_many_shops_in_one_pass_each_end_in_their_newest_state()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        var shops = Enumerable.Range(0, 12).Select(i => $"shop-{i}.myshopify.com").Where(shop => InboxPartitions.For(shop, s.Options.Partitions) == Partition(s)).Append(Shop).ToList();
        var accepted = 0;
        foreach (var round in Enumerable.Range(1, 3))
        {
            foreach (var shop in shops)
            {
                foreach (var n in Enumerable.Range(0, 5))
                {
                    await s.Inbox.AcceptAsync(s.Delivery("carts/update", ShopifyPayloads.Cart($"cart-{n}", t0.AddMinutes(round), lines: round), shop: shop), Cancel);
                    await s.Inbox.AcceptAsync(s.Delivery("checkouts/update", ShopifyPayloads.Checkout($"ck-{n}", t0.AddMinutes(round), createdAt: t0, customerId: 1000 + n, email: $"s{n}@example.com", lines: round), shop: shop), Cancel);
                    accepted += 2;
                }
            }
        }

        var completed = 0;
        int pass;
        while ((pass = await s.Worker.RunPassAsync(Partition(s), Cancel)) > 0)
        {
            completed += pass;
        }

        Assert.Equal(accepted, completed);
        foreach (var shop in shops)
        {
            foreach (var n in Enumerable.Range(0, 5))
            {
                Assert.Equal(3, (await s.CartAsync($"cart-{n}", shop)).Cart.Snapshot!.Lines.Count);
                Assert.Equal(3, (await s.CheckoutAsync($"ck-{n}", shop)).Cart.Snapshot!.Lines.Count);
            }
        }

        Assert.Equal(shops.Count * 10, (await s.Due.DueAsync(t0.AddDays(1), 1000, Cancel)).Count);
    }

    private static string Partition(WebhookStorage s) => InboxPartitions.For(Shop, s.Options.Partitions);
}
