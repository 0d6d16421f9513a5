using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Ingestion;

/// <summary>
/// <c>carts/*</c> and <c>checkouts/*</c>: the newest state of each cart and checkout, the link from a checkout to the cart it
/// came from, and one recovery per shopper. Older states never overwrite newer ones (Shopify's <c>updated_at</c> decides).
/// </summary>
public sealed partial class CartDeliveries(TrackedCarts carts, CheckoutSupersession supersession, IRecoveryWorkflows workflows, ILogger<CartDeliveries> logger)
{
    public async Task ApplyCartAsync(WebhookDelivery delivery, ShopifyCart payload, CancellationToken cancellationToken)
    {
        var snapshot = ShopifySnapshots.FromCart(delivery.Shop, payload, delivery.OccurredAt);
        var transition = await carts.UpdateAsync(delivery.Shop, CartKind.Cart, snapshot.CartKey, c => CartTransitions.ApplySnapshot(c, snapshot, payload.CreatedAt, null, null), cancellationToken).ConfigureAwait(false);
        await workflows.SendAsync(transition, cancellationToken).ConfigureAwait(false);
    }

    public async Task ApplyCheckoutAsync(WebhookDelivery delivery, ShopifyCheckout payload, CancellationToken cancellationToken)
    {
        var snapshot = ShopifySnapshots.FromCheckout(delivery.Shop, payload, delivery.OccurredAt);
        var transition = await carts.UpdateAsync(
            delivery.Shop, CartKind.Checkout, snapshot.CartKey, c => CartTransitions.ApplySnapshot(c, snapshot, payload.CreatedAt, payload.NumericId, payload.CompletedAt), cancellationToken).ConfigureAwait(false);
        await workflows.SendAsync(transition, cancellationToken).ConfigureAwait(false);

        if (snapshot.CartToken is { } cartToken)
        {
            var cart = await carts.UpdateAsync(delivery.Shop, CartKind.Cart, cartToken, c => CartTransitions.ApplyCheckedOut(c, snapshot.CartKey, delivery.OccurredAt), cancellationToken).ConfigureAwait(false);
            await workflows.SendAsync(cart, cancellationToken).ConfigureAwait(false);
        }

        if (transition.Cart.CustomerKey is { } customerKey)
        {
            await supersession.KeepNewestAsync(delivery.Shop, customerKey, delivery.OccurredAt, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ApplyCheckoutDeletionAsync(WebhookDelivery delivery, ShopifyCheckoutDeletion payload, CancellationToken cancellationToken)
    {
        var token = payload.Token ?? (payload.Id is { } id ? await carts.Store.CheckoutTokenByIdAsync(delivery.Shop, id, cancellationToken).ConfigureAwait(false) : null);
        if (token is null)
        {
            LogUnknownCheckout(logger, delivery.Shop, delivery.WebhookId);
            return;
        }

        var transition = await carts.UpdateAsync(delivery.Shop, CartKind.Checkout, token, c => CartTransitions.ApplyDeletion(c, delivery.OccurredAt), cancellationToken).ConfigureAwait(false);
        await workflows.SendAsync(transition, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "checkouts/delete {WebhookId} from {Shop} names a checkout never seen; nothing to delete")]
    private static partial void LogUnknownCheckout(ILogger logger, string shop, string webhookId);
}
