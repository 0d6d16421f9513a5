using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Core.Ingestion;

/// <summary>
/// <c>orders/*</c>: the order is recorded, the checkout and cart it names are over (their recoveries get the order, for
/// attribution), and the shopper's other open checkouts are superseded.
/// </summary>
public sealed class OrderDeliveries(TrackedCarts carts, CheckoutSupersession supersession, IRecoveryWorkflows workflows)
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
    }
}
