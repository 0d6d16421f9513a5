using CartRecovery.Core.Ingestion;
using CartRecovery.Core.Webhooks;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Ingestion;

/// <summary>How a processing pass groups pending deliveries (issue 9, "Processing keeps up").</summary>
public sealed class DeliveryCoalescingTests
{
    private const string Shop = "coalesce.myshopify.com";
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private int received;

    [Fact]
    public void States_of_one_checkout_become_one_group_whose_newest_updated_at_is_processed_whatever_the_arrival_order()
    {
        var deliveries = new[] { 3, 1, 4, 2 }.Select(m => Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-1", T0.AddMinutes(m), createdAt: T0, lines: m))).ToList();

        var group = Assert.Single(DeliveryCoalescing.Plan(deliveries));

        Assert.Same(deliveries[2], group.Newest);
        Assert.Equal(deliveries, group.Members);
        Assert.Equal("checkout|ck-1", group.Lane);
    }

    [Fact]
    public void Equal_updated_at_lets_the_later_arrival_win_as_processing_in_order_would()
    {
        var first = Delivery("carts/update", ShopifyPayloads.Cart("cart-1", T0, lines: 1));
        var second = Delivery("carts/create", ShopifyPayloads.Cart("cart-1", T0, lines: 2));

        Assert.Same(second, Assert.Single(DeliveryCoalescing.Plan([first, second])).Newest);
    }

    [Fact]
    public void Different_carts_checkouts_and_shops_stay_apart()
    {
        var plan = DeliveryCoalescing.Plan(
        [
            Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-a", T0, createdAt: T0)),
            Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-b", T0, createdAt: T0)),
            Delivery("carts/update", ShopifyPayloads.Cart("ck-a", T0)),
            Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-a", T0, createdAt: T0), shop: "other.myshopify.com"),
        ]);

        Assert.Equal(4, plan.Count);
        Assert.All(plan, g => Assert.Single(g.Members));
    }

    [Fact]
    public void States_that_differ_in_what_follows_from_them_are_not_merged()
    {
        // Another cart token links another cart; another shopper supersedes other checkouts: both must be applied.
        var plan = DeliveryCoalescing.Plan(
        [
            Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-1", T0, createdAt: T0, cartToken: "cart-a")),
            Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-1", T0.AddMinutes(1), createdAt: T0, cartToken: "cart-b")),
            Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-1", T0.AddMinutes(2), createdAt: T0, cartToken: "cart-b", customerId: 42, email: "other@example.com")),
        ]);

        Assert.Equal(3, plan.Count);
        Assert.All(plan, g => Assert.Equal("checkout|ck-1", g.Lane));
    }

    [Fact]
    public void A_barrier_of_the_shop_splits_the_states_before_it_from_those_after_it()
    {
        var before = Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-1", T0, createdAt: T0, id: 981));
        var deletion = Delivery("checkouts/delete", ShopifyPayloads.CheckoutDeletion(981));
        var after = Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-1", T0.AddMinutes(1), createdAt: T0, id: 981));
        var otherShop = Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-1", T0, createdAt: T0, id: 981), shop: "other.myshopify.com");
        var otherShopLater = Delivery("checkouts/update", ShopifyPayloads.Checkout("ck-1", T0.AddMinutes(1), createdAt: T0, id: 981), shop: "other.myshopify.com");

        var plan = DeliveryCoalescing.Plan([before, otherShop, deletion, after, otherShopLater]);

        Assert.Equal(4, plan.Count);
        Assert.Equal([before], plan[0].Members);
        Assert.Equal([otherShop, otherShopLater], plan[1].Members);
        Assert.True(plan[2].IsBarrier);
        Assert.Equal([after], plan[3].Members);
    }

    [Fact]
    public void Identical_orders_merge_and_different_ones_of_the_same_order_id_do_not()
    {
        var order = ShopifyPayloads.Order(77, "ck-1", "cart-1", T0);
        var sameJsonOtherBytes = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(order) + "  ");
        var otherTotal = ShopifyPayloads.Order(77, "ck-1", "cart-2", T0);

        var plan = DeliveryCoalescing.Plan([Delivery("orders/create", order), Delivery("orders/create", sameJsonOtherBytes), Delivery("orders/create", otherTotal), Delivery("orders/paid", order)]);

        Assert.Equal([2, 1, 1], plan.Select(g => g.Members.Count));
        Assert.All(plan, g => Assert.Equal("checkout|ck-1", g.Lane));
    }

    [Fact]
    public void Compliance_uninstall_and_unparseable_deliveries_run_alone()
    {
        var plan = DeliveryCoalescing.Plan(
        [
            Delivery("customers/redact", ShopifyPayloads.Privacy("customers_redact", Shop, 603851970716743426, "zoe.nunez@example.com", null)),
            Delivery("checkouts/update", "{not json"u8.ToArray()),
            Delivery("orders/create", ShopifyPayloads.Order(78, null, null, T0)),
        ]);

        Assert.Equal(3, plan.Count);
        Assert.All(plan, g => Assert.True(g.IsBarrier));
    }

    private WebhookDelivery Delivery(string topic, byte[] body, string shop = Shop) =>
        new(shop, topic, Guid.NewGuid().ToString(), Guid.NewGuid().ToString(), T0, "2026-07", T0.AddMilliseconds(received++), body);
}
