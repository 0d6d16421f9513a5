using System.Text;
using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Carts;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>Each topic's effect on stored state and on running recoveries, through the inbox and worker on Azurite.</summary>
public sealed class ProcessingTests
{
    private const string Shop = WebhookStorage.Shop;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkout_create_tracks_the_checkout_links_its_cart_and_schedules_its_abandonment()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("carts/create", ShopifyPayloads.Cart("cart-1", t0.AddMinutes(-5)));
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-1", t0, cartToken: "cart-1", id: 981));

        var checkout = await s.CheckoutAsync("ck-1");
        Assert.Equal("zoe.nunez@example.com", checkout.Cart.Snapshot!.Contact.Email);
        Assert.Equal(981, checkout.Cart.CheckoutId);
        Assert.Equal(t0.AddHours(1), checkout.DueAt);
        Assert.Equal("ck-1", (await s.CartAsync("cart-1")).Cart.CheckedOutAs);

        var due = await s.Due.DueAsync(t0.AddHours(2), 10, Cancel);
        Assert.Equal(new DueEntry(t0.AddHours(1), Shop, CartKind.Checkout, "ck-1"), Assert.Single(due) with { Version = null });
    }

    [Fact]
    public async Task Cart_update_tracks_a_contactless_cart_for_on_site_recovery()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("carts/update", Encoding.UTF8.GetBytes(ShopifyFixtures.Text("carts_update_large")), triggeredAt: t0);

        var cart = await s.CartAsync("c-large-250-lines-00000000000000");
        Assert.Equal(250, cart.Cart.Snapshot!.Lines.Count);
        Assert.Equal(ContactInfo.None, cart.Cart.Snapshot.Contact);
        Assert.NotNull(cart.DueAt);
    }

    [Fact]
    public async Task Same_delivery_three_times_has_one_effect()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.RecoveringCheckoutAsync("ck-dup", t0);

        var order = s.Delivery("orders/create", ShopifyPayloads.Order(77, "ck-dup", null, t0.AddMinutes(5)), webhookId: "wh-order-77", eventId: "ev-order-77");
        for (var i = 0; i < 3; i++)
        {
            await s.DeliverAsync(order);
        }

        Assert.Equal(77, (await s.CheckoutAsync("ck-dup")).Cart.Order!.OrderId);
        Assert.Single(s.Workflows.SignalsTo(Shop, "ck-dup").OfType<OrderPlaced>());
        Assert.Equal(0, await s.ProcessAsync());
    }

    [Fact]
    public async Task Same_merchant_action_through_two_subscriptions_has_one_effect()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.RecoveringCheckoutAsync("ck-ev", t0);

        var body = ShopifyPayloads.Order(78, "ck-ev", null, t0.AddMinutes(5));
        await s.DeliverAsync("orders/create", body, webhookId: "sub-a", eventId: "ev-78");
        await s.DeliverAsync("orders/create", body, webhookId: "sub-b", eventId: "ev-78");

        Assert.Single(s.Workflows.SignalsTo(Shop, "ck-ev").OfType<OrderPlaced>());
    }

    [Fact]
    public async Task Older_update_delivered_late_never_overwrites_newer_state()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/update", ShopifyPayloads.Checkout("ck-ooo", t0.AddMinutes(10), lines: 3));
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-ooo", t0, lines: 1));

        var checkout = await s.CheckoutAsync("ck-ooo");
        Assert.Equal(3, checkout.Cart.Snapshot!.Lines.Count);
        Assert.Equal(t0.AddMinutes(10), checkout.Cart.LastActivityAt);
        Assert.Equal(t0.AddMinutes(70), checkout.DueAt);
        Assert.Single(await s.Due.DueAsync(t0.AddDays(1), 10, Cancel));
    }

    [Fact]
    public async Task Order_that_arrives_before_its_checkout_still_stops_recovery_for_it()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("orders/create", ShopifyPayloads.Order(90, "ck-late", "cart-late", t0.AddMinutes(2)));
        await s.DeliverAsync("checkouts/update", ShopifyPayloads.Checkout("ck-late", t0, cartToken: "cart-late"));
        await s.DeliverAsync("carts/update", ShopifyPayloads.Cart("cart-late", t0.AddMinutes(-1)));

        Assert.Equal(90, (await s.CheckoutAsync("ck-late")).Cart.Order!.OrderId);
        Assert.Null((await s.CheckoutAsync("ck-late")).DueAt);
        Assert.Equal(90, (await s.CartAsync("cart-late")).Cart.Order!.OrderId);
        Assert.Empty(await s.Due.DueAsync(t0.AddDays(1), 10, Cancel));
    }

    [Fact]
    public async Task Order_signals_the_running_recoveries_of_its_checkout_and_cart()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("carts/update", ShopifyPayloads.Cart("cart-o", t0));
        var cart = await s.CartAsync("cart-o");
        await s.Carts.TryWriteAsync(cart, cart.Cart with { WorkflowStartedAt = t0 }, Cancel);
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-o", t0.AddMinutes(1), cartToken: "cart-o"));
        var checkout = await s.CheckoutAsync("ck-o");
        await s.Carts.TryWriteAsync(checkout, checkout.Cart with { WorkflowStartedAt = t0 }, Cancel);

        await s.DeliverAsync("orders/paid", ShopifyPayloads.Order(91, "ck-o", null, t0.AddMinutes(9)));

        var toCheckout = Assert.IsType<OrderPlaced>(Assert.Single(s.Workflows.SignalsTo(Shop, "ck-o")));
        Assert.Equal((91L, 78.30m, "EUR"), (toCheckout.OrderId, toCheckout.Total, toCheckout.Currency));
        Assert.Equal(["COMEBACK10"], toCheckout.DiscountCodes);
        var toCart = s.Workflows.SignalsTo(Shop, "cart-o");
        Assert.Equal("ck-o", Assert.IsType<Superseded>(toCart[0]).ByCartKey);
        Assert.Equal(91, Assert.IsType<OrderPlaced>(toCart[1]).OrderId);
    }

    [Fact]
    public async Task Checkout_delete_by_numeric_id_marks_it_gone_and_signals_its_recovery()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-del", t0, id: 4242));
        var loaded = await s.CheckoutAsync("ck-del");
        await s.Carts.TryWriteAsync(loaded, loaded.Cart with { WorkflowStartedAt = t0 }, Cancel);

        await s.DeliverAsync("checkouts/delete", ShopifyPayloads.CheckoutDeletion(4242));

        Assert.NotNull((await s.CheckoutAsync("ck-del")).Cart.DeletedAt);
        Assert.IsType<CartGone>(Assert.Single(s.Workflows.SignalsTo(Shop, "ck-del")));
    }

    [Fact]
    public async Task Changed_and_emptied_carts_signal_their_running_recovery()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("carts/create", ShopifyPayloads.Cart("cart-chg", t0));
        var loaded = await s.CartAsync("cart-chg");
        await s.Carts.TryWriteAsync(loaded, loaded.Cart with { WorkflowStartedAt = t0 }, Cancel);

        await s.DeliverAsync("carts/update", ShopifyPayloads.Cart("cart-chg", t0.AddMinutes(1), lines: 4));
        await s.DeliverAsync("carts/update", ShopifyPayloads.Cart("cart-chg", t0.AddMinutes(2), lines: 0));

        var signals = s.Workflows.SignalsTo(Shop, "cart-chg");
        Assert.Equal(4, Assert.IsType<CartUpdated>(signals[0]).Cart.Lines.Count);
        Assert.IsType<CartGone>(signals[1]);
    }

    [Fact]
    public async Task Newer_checkout_of_the_same_shopper_supersedes_the_older_one()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-phone", t0, customerId: null, email: "Ana@Example.com"));
        var older = await s.CheckoutAsync("ck-phone");
        await s.Carts.TryWriteAsync(older, older.Cart with { WorkflowStartedAt = t0 }, Cancel);

        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-laptop", t0.AddMinutes(20), customerId: null, email: "ana@example.com"));

        Assert.Equal("ck-laptop", (await s.CheckoutAsync("ck-phone")).Cart.SupersededBy);
        Assert.Null((await s.CheckoutAsync("ck-laptop")).Cart.SupersededBy);
        Assert.Equal("ck-laptop", Assert.IsType<Superseded>(Assert.Single(s.Workflows.SignalsTo(Shop, "ck-phone"))).ByCartKey);
        var due = Assert.Single(await s.Due.DueAsync(t0.AddDays(1), 10, Cancel));
        Assert.Equal("ck-laptop", due.Key);
    }

    [Fact]
    public async Task Older_checkout_arriving_after_a_newer_one_of_the_same_shopper_is_superseded_on_arrival()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-new", t0.AddMinutes(20)));
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-old", t0));

        Assert.Equal("ck-new", (await s.CheckoutAsync("ck-old")).Cart.SupersededBy);
        Assert.Equal("ck-new", Assert.Single(await s.Due.DueAsync(t0.AddDays(1), 10, Cancel)).Key);
    }

    [Fact]
    public async Task Concurrent_updates_of_one_cart_lose_nothing_and_the_newest_wins()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        var updates = Enumerable.Range(1, 12).Select(i => ShopifyCore.Snapshot("ck-race", t0.AddSeconds(i), i)).ToList();

        await Task.WhenAll(updates.Select(u => Task.Run(() => s.Carts.UpdateAsync(Shop, CartKind.Checkout, "ck-race", c => Core.Abandonment.CartTransitions.ApplySnapshot(c, u, t0, null, null), Cancel))));

        var final = await s.CheckoutAsync("ck-race");
        Assert.Equal(t0.AddSeconds(12), final.Cart.LastActivityAt);
        Assert.Equal(12, final.Cart.Snapshot!.Lines.Count);
        var due = await s.Due.DueAsync(t0.AddDays(1), 100, Cancel);
        Assert.Contains(due, d => d.DueAt == final.DueAt);
    }

    [Fact]
    public async Task Concurrent_deliveries_for_one_cart_through_the_pipeline_end_in_the_newest_state()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        var deliveries = Enumerable.Range(1, 10).Select(i => s.Delivery("carts/update", ShopifyPayloads.Cart("cart-conc", t0.AddSeconds(i), lines: i))).ToList();

        await Task.WhenAll(deliveries.Select(d => s.Inbox.AcceptAsync(d, Cancel)));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => s.ProcessAsync()));

        var cart = await s.CartAsync("cart-conc");
        Assert.Equal(10, cart.Cart.Snapshot!.Lines.Count);
        Assert.Equal(t0.AddSeconds(10), cart.Cart.LastActivityAt);
        Assert.Empty(await s.Queue.PendingAsync(InboxPartitions.For(Shop, s.Options.Partitions), 100, Cancel));
    }

    [Fact]
    public async Task App_uninstalled_stops_the_store_and_late_events_have_no_effect()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-u", t0));
        await s.DeliverAsync("app/uninstalled", Encoding.UTF8.GetBytes(ShopifyFixtures.Text("app_uninstalled")), triggeredAt: t0.AddMinutes(1));

        Assert.False((await s.Shops.GetAsync(Shop, Cancel)).Install.IsActive);
        Assert.Empty(await s.Due.DueAsync(t0.AddDays(1), 10, Cancel));
        Assert.IsType<StoreRemoved>(Assert.Single(s.Workflows.Signals, x => x.Target == "shop:" + Shop).Signal);

        await s.DeliverAsync("checkouts/update", ShopifyPayloads.Checkout("ck-late-u", t0), triggeredAt: t0);
        Assert.False((await s.CheckoutAsync("ck-late-u")).Exists);
    }
}
