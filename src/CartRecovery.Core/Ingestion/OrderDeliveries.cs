using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Ingestion;

/// <summary>
/// <c>orders/*</c>: the order is recorded, the checkout and cart it names are over (their recoveries get the order, for
/// attribution), the shopper's other open checkouts are superseded, and the order is attributed to the recovery it
/// belongs to; <c>orders/cancelled</c> and <c>refunds/create</c> lower attributed revenue.
/// </summary>
public sealed class OrderDeliveries(TrackedCarts carts, CheckoutSupersession supersession, IRecoveryWorkflows workflows, OrderAttributor attributor)
{
    public async Task ApplyOrderAsync(WebhookDelivery delivery, ShopifyOrder payload, CancellationToken cancellationToken)
    {
        var order = ShopifySnapshots.ToOrderPlaced(payload, delivery.OccurredAt);
        var checkoutToken = payload.CheckoutToken ?? (payload.CheckoutId is { } id ? await carts.Store.CheckoutTokenByIdAsync(delivery.Shop, id, cancellationToken).ConfigureAwait(false) : null);
        await carts.Store.RecordOrderAsync(delivery.Shop, order, checkoutToken, payload.CartToken, payload.Customer?.Id, payload.Email ?? payload.Customer?.Email, payload.Phone ?? payload.Customer?.Phone, cancellationToken).ConfigureAwait(false);

        var cartTokens = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(payload.CartToken))
        {
            cartTokens.Add(payload.CartToken);
        }

        if (!string.IsNullOrWhiteSpace(checkoutToken))
        {
            var checkout = await carts.UpdateAsync(delivery.Shop, CartKind.Checkout, checkoutToken, c => CartTransitions.ApplyOrder(c, order), cancellationToken).ConfigureAwait(false);
            await workflows.SendAsync(checkout, cancellationToken).ConfigureAwait(false);
            if (checkout.Cart.Snapshot?.CartToken is { } linkedCart)
            {
                cartTokens.Add(linkedCart);
            }
        }

        foreach (var cartToken in cartTokens)
        {
            var cart = await carts.UpdateAsync(delivery.Shop, CartKind.Cart, cartToken, c => CartTransitions.ApplyOrder(c, order), cancellationToken).ConfigureAwait(false);
            await workflows.SendAsync(cart, cancellationToken).ConfigureAwait(false);
        }

        if (CustomerKey.From(payload.Customer?.Id, payload.Email ?? payload.Customer?.Email) is { } customerKey)
        {
            var by = checkoutToken ?? "order-" + order.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await supersession.AfterOrderAsync(delivery.Shop, customerKey, checkoutToken, by, order.At, cancellationToken).ConfigureAwait(false);
        }

        // Attribution reads the recoveries' touches, not the carts just updated, so it runs last; it is idempotent on the order id.
        await attributor.AttributeAsync(ShopifyOrderFacts.From(delivery.Shop, payload, checkoutToken, delivery.OccurredAt), cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>orders/cancelled</c>: an attributed order no longer counts as recovered revenue.</summary>
    public Task ApplyCancellationAsync(WebhookDelivery delivery, ShopifyOrder payload, CancellationToken cancellationToken) =>
        attributor.CancelAsync(delivery.Shop, ShopifyOrderFacts.OrderId(payload.Id ?? 0), cancellationToken);

    /// <summary><c>refunds/create</c>: the successful refund transactions lower an attributed order's revenue, once per refund.</summary>
    public Task ApplyRefundAsync(WebhookDelivery delivery, ShopifyRefund refund, CancellationToken cancellationToken)
    {
        var refunded = (refund.Transactions ?? []).Where(t => (t.Kind is null or "refund") && (t.Status is null or "success")).ToList();
        return attributor.RefundAsync(
            delivery.Shop,
            ShopifyOrderFacts.OrderId(refund.OrderId ?? 0),
            ShopifyOrderFacts.OrderId(refund.Id ?? 0),
            refunded.Sum(t => t.Amount ?? 0m),
            refunded.Select(t => t.Currency).FirstOrDefault(c => c is not null),
            cancellationToken);
    }
}
