using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Ingestion;
using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CartRecovery.Core.Reconciliation;

/// <summary>
/// Catches missed webhooks: reads each installed shop's abandoned checkouts and orders changed since its watermark and
/// feeds them through the same ingestion use cases as webhooks, checkouts first so an order found in the same run ends
/// the recovery its checkout started. A checkout already seen at the same or a newer <c>updated_at</c> (by webhook or an
/// earlier run) is skipped, so a change seen both ways has one effect. The watermark advances only after everything
/// it covers was processed; a failed run is read again next time.
/// </summary>
public sealed partial class ShopReconciler(
    IReconciliationState state,
    IShopifyChangeFeed feed,
    ShopAccessProvider access,
    TrackedCarts carts,
    CartDeliveries checkouts,
    OrderDeliveries orders,
    ShopLifecycleDeliveries shops,
    IOptions<ReconciliationOptions> options,
    TimeProvider time,
    ILogger<ShopReconciler> logger)
{
    /// <summary>The scope both queries need (abandoned checkouts are read under <c>read_orders</c>).</summary>
    public const string RequiredScope = "read_orders";

    /// <summary>Reconciles every installed shop whose last reconciliation is at least one interval old (all of them with <paramref name="dueOnly"/> false).</summary>
    public async Task<IReadOnlyList<ReconciliationResult>> RunAsync(bool dueOnly, CancellationToken cancellationToken)
    {
        var results = new List<ReconciliationResult>();
        foreach (var shop in await state.InstalledShopsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var result = await ReconcileAsync(shop, dueOnly, cancellationToken).ConfigureAwait(false);
                if (result is not null)
                {
                    results.Add(result);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFailed(logger, shop, e.GetType().Name); // one shop's failure does not stop the others; its watermark stays
            }
        }

        return results;
    }

    /// <summary>One shop: null when it is not due yet.</summary>
    public async Task<ReconciliationResult?> ReconcileAsync(string shop, bool dueOnly, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var startedAt = time.GetUtcNow();
        var current = await state.GetAsync(shop, cancellationToken).ConfigureAwait(false);
        if (dueOnly && current.Watermark is { } last && last + settings.Interval > startedAt)
        {
            return null;
        }

        var admin = await access.GetAsync(shop, RequiredScope, cancellationToken).ConfigureAwait(false);
        if (admin.AccessToken is not { } token)
        {
            var reason = admin.UnavailableReason ?? AdminAccess.NoToken;
            await state.RecordSkippedAsync(shop, reason, startedAt, cancellationToken).ConfigureAwait(false);
            LogSkipped(logger, shop, reason);
            return ReconciliationResult.Skipped(shop, reason);
        }

        var after = (current.Watermark ?? startedAt - settings.InitialLookback) - settings.Overlap;
        var checkoutCount = 0;
        await foreach (var checkout in feed.AbandonedCheckoutsUpdatedAfterAsync(shop, token, after, cancellationToken).ConfigureAwait(false))
        {
            checkoutCount += await ApplyCheckoutAsync(shop, checkout, startedAt, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        var orderCount = 0;
        await foreach (var order in feed.OrdersUpdatedAfterAsync(shop, token, after, cancellationToken).ConfigureAwait(false))
        {
            var delivery = Delivery(shop, "orders/create", "order", order.Id, order.UpdatedAt ?? order.CreatedAt, startedAt);
            if (await shops.IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false))
            {
                await orders.ApplyOrderAsync(delivery, order, cancellationToken).ConfigureAwait(false);
                orderCount++;
            }
        }

        await state.AdvanceAsync(shop, startedAt, cancellationToken).ConfigureAwait(false);
        LogReconciled(logger, shop, checkoutCount, orderCount);
        return new ReconciliationResult(shop, checkoutCount, orderCount, null);
    }

    private async Task<bool> ApplyCheckoutAsync(string shop, ShopifyCheckout checkout, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var token = checkout.Token ?? (checkout.NumericId is { } id ? await carts.Store.CheckoutTokenByIdAsync(shop, id, cancellationToken).ConfigureAwait(false) : null);
        if (token is null || checkout.UpdatedAt is not { } updatedAt)
        {
            LogUnkeyed(logger, shop);
            return false;
        }

        var known = await carts.LoadAsync(shop, CartKind.Checkout, token, cancellationToken).ConfigureAwait(false);
        if (known.Cart.LastActivityAt >= updatedAt)
        {
            return false; // this state (or a newer one) already arrived: by webhook or an earlier run
        }

        var delivery = Delivery(shop, "checkouts/update", "checkout", checkout.NumericId, updatedAt, now);
        if (!await shops.IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await checkouts.ApplyCheckoutAsync(delivery, checkout with { Token = token }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// What the ingestion use cases take as the delivery: Shopify's <c>updated_at</c> as the trigger time (as a webhook's
    /// header would be) and an id naming the change, not a delivery (nothing was delivered).
    /// </summary>
    private static WebhookDelivery Delivery(string shop, string topic, string kind, long? id, DateTimeOffset? updatedAt, DateTimeOffset now) =>
        new(shop, topic, $"reconciliation:{kind}:{id}:{updatedAt?.ToUnixTimeMilliseconds()}", null, updatedAt, null, now, ReadOnlyMemory<byte>.Empty);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation of {Shop} skipped: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string shop, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation of {Shop}: {Checkouts} checkouts and {Orders} orders fed to ingestion")]
    private static partial void LogReconciled(ILogger logger, string shop, int checkouts, int orders);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation of {Shop} failed ({Failure}); retried next time from the same watermark")]
    private static partial void LogFailed(ILogger logger, string shop, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation of {Shop} found a checkout without a token or update time; skipped")]
    private static partial void LogUnkeyed(ILogger logger, string shop);
}
