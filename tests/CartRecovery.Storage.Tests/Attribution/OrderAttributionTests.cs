using System.Text.Json.Nodes;
using CartRecovery.Core.Analytics;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Storage.Tests.Webhooks;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Attribution;

/// <summary>Orders, cancellations and refunds delivered as webhooks through the real pipeline on Azurite, attributed and counted.</summary>
public sealed class OrderAttributionTests
{
    private const string Shop = WebhookStorage.Shop;
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_order_for_a_recovered_checkout_is_attributed_once_however_many_webhooks_and_refunds_lower_its_revenue()
    {
        var storage = await WebhookStorage.CreateAsync();
        await storage.Recorder.RecoveryStartedAsync(Cart("chk-1", "cart-1", 7), "rec-1", "exp1:treated", Start, Cancel);
        await storage.Recorder.StepOutcomeAsync(Step("rec-1", "chk-1", "step-email", Channel.Email), StepOutcome.Sent("msg-1"), Start.AddHours(1), Cancel);
        await storage.Recorder.MessageEventAsync(Message("rec-1", "msg-1", "step-email", Channel.Email, 7), MessageEventKind.Opened, Start.AddHours(2), Cancel);

        var order = ShopifyPayloads.Order(5001, "chk-1", null, Start.AddHours(3), customerId: 7);
        await storage.DeliverAsync("orders/create", order);
        await storage.DeliverAsync("orders/paid", order);
        await storage.DeliverAsync("orders/create", order); // a redelivery under a new webhook id

        var attributed = await storage.Attribution.GetOrderAsync(Shop, "5001", Cancel);
        Assert.NotNull(attributed);
        Assert.Equal("rec-1", attributed.RecoveryId);
        Assert.Equal(MatchRoute.CheckoutToken, attributed.Route);
        Assert.Equal("step-email", attributed.StepId);
        Assert.Equal(Channel.Email, attributed.Channel);
        Assert.Equal("exp1:treated", attributed.Variant);
        var total = attributed.Revenue;
        Assert.True(total > 0);
        Assert.Equal(1m, await CounterAsync(storage, Metric.Orders));
        Assert.Equal(total, await CounterAsync(storage, Metric.Revenue));

        var refund = Refund(9001, 5001, 10m, attributed.Currency);
        await storage.DeliverAsync("refunds/create", refund);
        await storage.DeliverAsync("refunds/create", refund);
        Assert.Equal(total - 10m, await CounterAsync(storage, Metric.Revenue));
        Assert.Equal(10m, (await storage.Attribution.GetOrderAsync(Shop, "5001", Cancel))!.Refunded);

        await storage.DeliverAsync("orders/cancelled", Cancelled(5001, "chk-1", 7));
        await storage.DeliverAsync("orders/cancelled", Cancelled(5001, "chk-1", 7));
        Assert.Equal(0m, await CounterAsync(storage, Metric.Revenue));
        Assert.Equal(1m, await CounterAsync(storage, Metric.Orders));
        Assert.True((await storage.Attribution.GetOrderAsync(Shop, "5001", Cancel))!.Cancelled);
    }

    [Fact]
    public async Task An_order_on_another_checkout_is_attributed_by_the_shoppers_last_touch_inside_its_window_only()
    {
        var storage = await WebhookStorage.CreateAsync();
        await storage.Recorder.RecoveryStartedAsync(Cart("chk-2", "cart-2", 8), "rec-2", null, Start, Cancel);
        await storage.Recorder.StepOutcomeAsync(Step("rec-2", "chk-2", "step-sms", Channel.Sms), StepOutcome.Sent("msg-2"), Start.AddHours(1), Cancel);
        await storage.Recorder.MessageEventAsync(Message("rec-2", "msg-2", "step-sms", Channel.Sms, 8), MessageEventKind.Clicked, Start.AddHours(2), Cancel);

        await storage.DeliverAsync("orders/create", ShopifyPayloads.Order(5002, "chk-other", null, Start.AddHours(2).AddDays(5), customerId: 8));
        await storage.DeliverAsync("orders/create", ShopifyPayloads.Order(5003, "chk-other-2", null, Start.AddHours(2).AddDays(5).AddSeconds(1), customerId: 8));
        await storage.DeliverAsync("orders/create", ShopifyPayloads.Order(5004, "chk-other-3", null, Start.AddHours(3), customerId: 99));

        var inside = await storage.Attribution.GetOrderAsync(Shop, "5002", Cancel);
        Assert.NotNull(inside);
        Assert.Equal(MatchRoute.LastTouch, inside.Route);
        Assert.Equal("rec-2", inside.RecoveryId);
        Assert.Equal(Channel.Sms, inside.Channel);
        Assert.Null(await storage.Attribution.GetOrderAsync(Shop, "5003", Cancel)); // a second past SMS-click's 5 days
        Assert.Null(await storage.Attribution.GetOrderAsync(Shop, "5004", Cancel)); // another shopper
    }

    [Fact]
    public async Task An_order_using_a_recoverys_discount_code_is_attributed_to_it_and_the_discount_is_its_cost()
    {
        var storage = await WebhookStorage.CreateAsync();
        await storage.Recorder.RecoveryStartedAsync(Cart("chk-3", "cart-3", 9), "rec-3", null, Start, Cancel);
        var step = Step("rec-3", "chk-3", "step-email", Channel.Email) with { Incentive = new IncentiveOffer("SAVE-ABC", 10m, null, null) };
        await storage.Recorder.StepOutcomeAsync(step, StepOutcome.Sent("msg-3"), Start.AddHours(1), Cancel);

        var order = JsonNode.Parse(ShopifyPayloads.Order(5005, "chk-unrelated", null, Start.AddDays(20), customerId: 10))!;
        order["discount_codes"] = new JsonArray(new JsonObject { ["code"] = "save-abc", ["amount"] = "4.50", ["type"] = "percentage" });
        order["total_discounts"] = "4.50";
        await storage.DeliverAsync("orders/create", ShopifyPayloads.Bytes(order));

        var attributed = await storage.Attribution.GetOrderAsync(Shop, "5005", Cancel);
        Assert.NotNull(attributed);
        Assert.Equal(MatchRoute.DiscountCode, attributed.Route);
        Assert.Equal("rec-3", attributed.RecoveryId);
        Assert.Equal(4.50m, attributed.DiscountRedeemed);
        Assert.Equal(4.50m, await CounterAsync(storage, Metric.Discounts));
    }

    [Fact]
    public async Task Refunds_and_cancellations_of_an_unattributed_order_change_nothing()
    {
        var storage = await WebhookStorage.CreateAsync();
        await storage.DeliverAsync("orders/create", ShopifyPayloads.Order(5006, "chk-x", null, Start, customerId: 11));
        await storage.DeliverAsync("refunds/create", Refund(9002, 5006, 5m, "USD"));
        await storage.DeliverAsync("orders/cancelled", Cancelled(5006, "chk-x", 11));

        Assert.Null(await storage.Attribution.GetOrderAsync(Shop, "5006", Cancel));
        Assert.Empty(await storage.Rollups.ReadAsync(Shop, DateOnly.FromDateTime(Start.UtcDateTime).AddDays(-1), DateOnly.FromDateTime(Start.UtcDateTime).AddDays(1), Cancel));
    }

    private static async Task<decimal> CounterAsync(WebhookStorage storage, string metric)
    {
        var days = await storage.Rollups.ReadAsync(Shop, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), Cancel);
        return days.SelectMany(d => d.Counters).Where(c => CounterKey.Parse(c.Key).Metric == metric).Sum(c => c.Value);
    }

    private static CartSnapshot Cart(string checkoutToken, string cartToken, long customerId) => new(
        Shop, checkoutToken, CartKind.Checkout, cartToken, checkoutToken, new CustomerSnapshot(customerId, null, null, 0, 0m), ContactInfo.None, "USD", 80m, null, [], null, Start);

    private static StepRequest Step(string recovery, string checkoutToken, string stepId, Channel channel) =>
        new(recovery, Cart(checkoutToken, "cart", 7), stepId, 0, channel, MessageIntent.HelpfulReminder, false, null, $"{Shop}/{checkoutToken}/{stepId}");

    private static MessageRecord Message(string recovery, string messageId, string stepId, Channel channel, long customerId) => new(
        Shop, messageId, recovery, stepId, 0, channel, MessageIntent.HelpfulReminder, "key-" + messageId, MessageStatus.Sent, null, CustomerKey.From(customerId, null), null, null, null, null, null, 1, Start, Start, [], false);

    private static byte[] Refund(long id, long orderId, decimal amount, string currency) => ShopifyPayloads.Bytes(new JsonObject
    {
        ["id"] = id,
        ["order_id"] = orderId,
        ["created_at"] = "2026-05-06T10:00:00Z",
        ["note"] = "damaged",
        ["transactions"] = new JsonArray(new JsonObject { ["amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), ["currency"] = currency, ["kind"] = "refund", ["status"] = "success" }),
        ["refund_line_items"] = new JsonArray(),
    });

    private static byte[] Cancelled(long id, string checkoutToken, long customerId)
    {
        var node = JsonNode.Parse(ShopifyPayloads.Order(id, checkoutToken, null, Start, customerId: customerId))!;
        node["cancelled_at"] = "2026-05-06T11:00:00Z";
        node["cancel_reason"] = "customer";
        return ShopifyPayloads.Bytes(node);
    }
}
