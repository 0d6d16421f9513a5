using System.Globalization;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;

namespace CartRecovery.Core.Analytics;

/// <summary>
/// Turns what happens to recoveries into daily counters and attribution touches, as it happens. Every method is idempotent
/// (each fact has a stable id), so engines' retries and repeated webhooks count once.
/// </summary>
public sealed class MeasurementRecorder(IAttributionRepository attribution, IAnalyticsRollups rollups, IEnumerable<IRecoveryEventSink> sinks)
{
    public async Task RecoveryStartedAsync(CartSnapshot cart, string recoveryId, string? variant, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await attribution.RecordRecoveryAsync(new RecoveryLink(cart.Shop, recoveryId, cart.CheckoutToken, cart.CartToken, cart.CustomerKey, variant, at), cancellationToken).ConfigureAwait(false);
        var kind = cart.Kind == CartKind.Checkout ? "checkout" : "cart";
        await rollups.ApplyAsync(Fact(cart.Shop, at, $"start|{recoveryId}", new CounterKey(Metric.Started, Variant: variant ?? string.Empty, Reason: kind)), cancellationToken).ConfigureAwait(false);
        await PublishAsync(new RecoveryEventNotice(RecoveryEventKind.Started, cart.Shop, recoveryId, cart.CustomerKey, null, null, variant, null, at, null), cancellationToken).ConfigureAwait(false);
    }

    public async Task StepOutcomeAsync(StepRequest request, StepOutcome outcome, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var shop = request.Cart.Shop;
        var channel = ChannelName(request.Channel);
        var key = outcome.Kind switch
        {
            StepOutcomeKind.Sent => new CounterKey(Metric.Sent, request.StepId, channel, request.Variant ?? string.Empty),
            StepOutcomeKind.Skipped => new CounterKey(Metric.Skipped, request.StepId, channel, request.Variant ?? string.Empty, outcome.Reason ?? "skipped"),
            _ => new CounterKey(Metric.Failed, request.StepId, channel, request.Variant ?? string.Empty),
        };
        if (outcome.Kind == StepOutcomeKind.Sent && outcome.MessageId is { } messageId)
        {
            await attribution.RecordTouchAsync(new Touch(shop, request.WorkflowId, request.Cart.CustomerKey, messageId, request.StepId, request.Channel, request.Variant, TouchKind.Sent, at), cancellationToken).ConfigureAwait(false);
            if (request.Incentive is { } incentive)
            {
                await attribution.RecordDiscountCodeAsync(shop, request.WorkflowId, incentive.Code, cancellationToken).ConfigureAwait(false);
            }
        }

        await rollups.ApplyAsync(Fact(shop, at, $"step|{request.IdempotencyKey}", key), cancellationToken).ConfigureAwait(false);
        if (outcome.Kind == StepOutcomeKind.Sent)
        {
            await PublishAsync(new RecoveryEventNotice(RecoveryEventKind.MessageSent, shop, request.WorkflowId, request.Cart.CustomerKey, request.StepId, request.Channel, request.Variant, outcome.MessageId, at, null), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A delivery, open or click of a recorded message; other events (shown, bounced…) are not measured here.</summary>
    public async Task MessageEventAsync(MessageRecord message, MessageEventKind kind, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var (metric, touchKind) = kind switch
        {
            MessageEventKind.Delivered => (Metric.Delivered, TouchKind.Delivered),
            MessageEventKind.Opened => (Metric.Opened, TouchKind.Opened),
            MessageEventKind.Clicked => (Metric.Clicked, TouchKind.Clicked),
            _ => (null, TouchKind.Sent),
        };
        if (metric is null)
        {
            return;
        }

        var recovery = await attribution.GetRecoveryAsync(message.Shop, message.WorkflowId, cancellationToken).ConfigureAwait(false);
        var variant = recovery?.Variant;
        await attribution.RecordTouchAsync(new Touch(message.Shop, message.WorkflowId, message.CustomerKey ?? recovery?.CustomerKey, message.MessageId, message.StepId, message.Channel, variant, touchKind, at), cancellationToken).ConfigureAwait(false);
        var applied = await rollups.ApplyAsync(Fact(message.Shop, at, $"msg|{message.MessageId}|{metric}", new CounterKey(metric, message.StepId, ChannelName(message.Channel), variant ?? string.Empty)), cancellationToken).ConfigureAwait(false);
        if (applied && kind is MessageEventKind.Opened or MessageEventKind.Clicked)
        {
            var notice = kind == MessageEventKind.Opened ? RecoveryEventKind.MessageOpened : RecoveryEventKind.MessageClicked;
            await PublishAsync(new RecoveryEventNotice(notice, message.Shop, message.WorkflowId, message.CustomerKey, message.StepId, message.Channel, variant, message.MessageId, at, null), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts an attributed order on the day it was placed.</summary>
    public async Task OrderAttributedAsync(OrderAttribution order, CancellationToken cancellationToken)
    {
        var step = order.StepId ?? string.Empty;
        var channel = order.Channel is { } c ? ChannelName(c) : string.Empty;
        var variant = order.Variant ?? string.Empty;
        var deltas = new Dictionary<string, decimal>(StringComparer.Ordinal)
        {
            [new CounterKey(Metric.Orders, step, channel, variant, order.Route.ToString()).ToString()] = 1m,
            [new CounterKey(Metric.Revenue, step, channel, variant).ToString()] = order.NetRevenue,
        };
        if (order.DiscountRedeemed > 0)
        {
            deltas[new CounterKey(Metric.Discounts, step, channel, variant).ToString()] = order.DiscountRedeemed;
        }

        var applied = await rollups.ApplyAsync(new AnalyticsFact(order.Shop, Day(order.PlacedAt), $"order|{order.OrderId}", deltas, order.Currency), cancellationToken).ConfigureAwait(false);
        if (applied)
        {
            await PublishAsync(new RecoveryEventNotice(RecoveryEventKind.Recovered, order.Shop, order.RecoveryId, null, order.StepId, order.Channel, order.Variant, null, order.PlacedAt, order), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A refund or cancellation lowers the revenue of the day the order was placed, so a period's revenue is net.</summary>
    public Task RevenueAdjustedAsync(RevenueAdjustment adjustment, CancellationToken cancellationToken)
    {
        var order = adjustment.Order;
        var key = new CounterKey(Metric.Revenue, order.StepId ?? string.Empty, order.Channel is { } c ? ChannelName(c) : string.Empty, order.Variant ?? string.Empty);
        return rollups.ApplyAsync(Fact(order.Shop, order.PlacedAt, $"adj|{order.OrderId}|{adjustment.AdjustmentId}", key, adjustment.NetChange, order.Currency), cancellationToken);
    }

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    public static string ChannelName(Channel channel) => channel.ToString().ToLowerInvariant();

    private static AnalyticsFact Fact(string shop, DateTimeOffset at, string id, CounterKey key, decimal delta = 1m, string? currency = null) =>
        new(shop, Day(at), id, new Dictionary<string, decimal>(StringComparer.Ordinal) { [key.ToString()] = delta }, currency);

    private async Task PublishAsync(RecoveryEventNotice notice, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
        {
            await sink.PublishAsync(notice, cancellationToken).ConfigureAwait(false);
        }
    }
}
