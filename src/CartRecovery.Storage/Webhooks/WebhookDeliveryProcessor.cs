using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage.Abandonment;
using CartRecovery.Storage.Carts;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// Gives a recorded delivery its effect on state and on running recoveries. Idempotent: state changes are guarded by
/// Shopify's timestamps and ETags, and signals to the workflows are safe to repeat, so a delivery processed twice (a crash
/// before it was marked done) has the effect of one.
/// </summary>
public sealed partial class WebhookDeliveryProcessor(
    CartRepository carts,
    IShopRepository shops,
    AbandonmentDueIndex due,
    IPrivacyRequestStore privacyRequests,
    IEnumerable<IPersonalDataHolder> holders,
    IRecoveryWorkflows workflows,
    TimeProvider time,
    ILogger<WebhookDeliveryProcessor> logger)
{
    public async Task ProcessAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var parsed = WebhookPayloadParser.Parse(delivery.KnownTopic, delivery.Body.Span, delivery.Shop);
        if (parsed.Parsed is not { } webhook)
        {
            LogUnprocessable(logger, delivery.Shop, delivery.Topic, delivery.WebhookId);
            return;
        }

        switch (webhook.Payload)
        {
            case ShopifyCart cart when await IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false):
                await ApplyCartAsync(delivery, cart, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyCheckout checkout when await IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false):
                await ApplyCheckoutAsync(delivery, checkout, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyCheckoutDeletion deletion when await IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false):
                await ApplyCheckoutDeletionAsync(delivery, deletion, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyOrder order when await IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false):
                await ApplyOrderAsync(delivery, order, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyShop:
                await UninstallAsync(delivery, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyCustomersRedact redact:
                await RedactCustomerAsync(delivery.Shop, redact, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyShopRedact:
                await RedactShopAsync(delivery.Shop, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyCustomersDataRequest request:
                await RecordDataRequestAsync(delivery, request, cancellationToken).ConfigureAwait(false);
                break;
            default:
                LogIgnored(logger, delivery.Shop, delivery.Topic, delivery.WebhookId);
                break;
        }
    }

    /// <summary>False for a late delivery of a store uninstalled after the event: its work has stopped.</summary>
    private Task<bool> IsLiveAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        shops.RecordContactAsync(delivery.Shop, delivery.OccurredAt, cancellationToken);

    private async Task ApplyCartAsync(WebhookDelivery delivery, ShopifyCart payload, CancellationToken cancellationToken)
    {
        var snapshot = ShopifySnapshots.FromCart(delivery.Shop, payload, delivery.OccurredAt);
        var transition = await carts.UpdateAsync(delivery.Shop, CartKind.Cart, snapshot.CartKey, c => CartTransitions.ApplySnapshot(c, snapshot, payload.CreatedAt, null, null), cancellationToken).ConfigureAwait(false);
        await SignalAsync(transition, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyCheckoutAsync(WebhookDelivery delivery, ShopifyCheckout payload, CancellationToken cancellationToken)
    {
        var snapshot = ShopifySnapshots.FromCheckout(delivery.Shop, payload, delivery.OccurredAt);
        var transition = await carts.UpdateAsync(
            delivery.Shop, CartKind.Checkout, snapshot.CartKey, c => CartTransitions.ApplySnapshot(c, snapshot, payload.CreatedAt, payload.NumericId, payload.CompletedAt), cancellationToken).ConfigureAwait(false);
        await SignalAsync(transition, cancellationToken).ConfigureAwait(false);

        if (snapshot.CartToken is { } cartToken)
        {
            var cart = await carts.UpdateAsync(delivery.Shop, CartKind.Cart, cartToken, c => CartTransitions.ApplyCheckedOut(c, snapshot.CartKey, delivery.OccurredAt), cancellationToken).ConfigureAwait(false);
            await SignalAsync(cart, cancellationToken).ConfigureAwait(false);
        }

        if (transition.Cart.CustomerKey is { } customerKey)
        {
            await SupersedeOlderCheckoutsAsync(delivery.Shop, customerKey, delivery.OccurredAt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One shopper, one recovery: every open checkout of the shopper but the newest is superseded by it.</summary>
    private async Task SupersedeOlderCheckoutsAsync(string shop, string customerKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var checkouts = await carts.CheckoutsOfCustomerAsync(shop, customerKey, cancellationToken).ConfigureAwait(false);
        if (AbandonmentRules.Newest(checkouts.Select(c => c.Cart)) is not { } newest)
        {
            return;
        }

        foreach (var older in checkouts.Where(c => c.Cart.IsOpen && c.Cart.Key != newest.Key))
        {
            var superseded = await carts.UpdateAsync(shop, CartKind.Checkout, older.Cart.Key, c => c.IsOpen ? CartTransitions.ApplySuperseded(c, newest.Key, at) : CartTransition.Unchanged(c), cancellationToken).ConfigureAwait(false);
            await SignalAsync(superseded, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ApplyCheckoutDeletionAsync(WebhookDelivery delivery, ShopifyCheckoutDeletion payload, CancellationToken cancellationToken)
    {
        var token = payload.Token ?? (payload.Id is { } id ? await carts.CheckoutTokenByIdAsync(delivery.Shop, id, cancellationToken).ConfigureAwait(false) : null);
        if (token is null)
        {
            LogUnknownCheckout(logger, delivery.Shop, delivery.WebhookId);
            return;
        }

        var transition = await carts.UpdateAsync(delivery.Shop, CartKind.Checkout, token, c => CartTransitions.ApplyDeletion(c, delivery.OccurredAt), cancellationToken).ConfigureAwait(false);
        await SignalAsync(transition, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyOrderAsync(WebhookDelivery delivery, ShopifyOrder payload, CancellationToken cancellationToken)
    {
        var order = ShopifySnapshots.ToOrderPlaced(payload, delivery.OccurredAt);
        var checkoutToken = payload.CheckoutToken ?? (payload.CheckoutId is { } id ? await carts.CheckoutTokenByIdAsync(delivery.Shop, id, cancellationToken).ConfigureAwait(false) : null);
        await carts.RecordOrderAsync(delivery.Shop, order, checkoutToken, payload.CartToken, payload.Customer?.Id, payload.Email ?? payload.Customer?.Email, payload.Phone ?? payload.Customer?.Phone, cancellationToken).ConfigureAwait(false);

        var cartTokens = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(payload.CartToken))
        {
            cartTokens.Add(payload.CartToken);
        }

        if (!string.IsNullOrWhiteSpace(checkoutToken))
        {
            var checkout = await carts.UpdateAsync(delivery.Shop, CartKind.Checkout, checkoutToken, c => CartTransitions.ApplyOrder(c, order), cancellationToken).ConfigureAwait(false);
            await SignalAsync(checkout, cancellationToken).ConfigureAwait(false);
            if (checkout.Cart.Snapshot?.CartToken is { } linkedCart)
            {
                cartTokens.Add(linkedCart);
            }
        }

        foreach (var cartToken in cartTokens)
        {
            var cart = await carts.UpdateAsync(delivery.Shop, CartKind.Cart, cartToken, c => CartTransitions.ApplyOrder(c, order), cancellationToken).ConfigureAwait(false);
            await SignalAsync(cart, cancellationToken).ConfigureAwait(false);
        }

        // A shopper who bought is not reminded about their other open checkouts either.
        if (CustomerKey.From(payload.Customer?.Id, payload.Email ?? payload.Customer?.Email) is { } customerKey)
        {
            var by = checkoutToken ?? "order-" + order.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            foreach (var other in (await carts.CheckoutsOfCustomerAsync(delivery.Shop, customerKey, cancellationToken).ConfigureAwait(false)).Where(c => c.Cart.IsOpen && c.Cart.Key != checkoutToken))
            {
                var superseded = await carts.UpdateAsync(delivery.Shop, CartKind.Checkout, other.Cart.Key, c => c.IsOpen ? CartTransitions.ApplySuperseded(c, by, order.At) : CartTransition.Unchanged(c), cancellationToken).ConfigureAwait(false);
                await SignalAsync(superseded, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task UninstallAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await shops.MarkUninstalledAsync(delivery.Shop, delivery.OccurredAt, cancellationToken).ConfigureAwait(false);
        await due.RemoveShopAsync(delivery.Shop, cancellationToken).ConfigureAwait(false);
        await workflows.SignalShopAsync(delivery.Shop, new StoreRemoved(delivery.OccurredAt), cancellationToken).ConfigureAwait(false);
        LogUninstalled(logger, delivery.Shop);
    }

    private async Task RedactCustomerAsync(string shop, ShopifyCustomersRedact request, CancellationToken cancellationToken)
    {
        var customer = new CustomerRef(request.Customer!.Id, request.Customer.Email, request.Customer.Phone);
        foreach (var holder in holders)
        {
            await holder.EraseCustomerAsync(shop, customer, cancellationToken).ConfigureAwait(false);
        }

        await carts.EraseOrdersAsync(shop, request.OrdersToRedact ?? [], cancellationToken).ConfigureAwait(false);
        LogRedacted(logger, shop, "customer");
    }

    private async Task RedactShopAsync(string shop, CancellationToken cancellationToken)
    {
        foreach (var holder in holders)
        {
            await holder.EraseShopAsync(shop, cancellationToken).ConfigureAwait(false);
        }

        await due.RemoveShopAsync(shop, cancellationToken).ConfigureAwait(false);
        await shops.EraseAsync(shop, cancellationToken).ConfigureAwait(false);
        LogRedacted(logger, shop, "shop");
    }

    private async Task RecordDataRequestAsync(WebhookDelivery delivery, ShopifyCustomersDataRequest request, CancellationToken cancellationToken)
    {
        var customer = new CustomerRef(request.Customer!.Id, request.Customer.Email, request.Customer.Phone);
        var id = request.DataRequest?.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? delivery.WebhookId;
        var (json, records) = await PrivacyExport.BuildAsync(holders, delivery.Shop, id, customer, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var summary = new PrivacyRequestSummary(id, delivery.OccurredAt, customer.Id, request.OrdersRequested ?? [], records);
        await privacyRequests.SaveAsync(delivery.Shop, summary, customer, json, cancellationToken).ConfigureAwait(false);
        LogDataRequest(logger, delivery.Shop, id, records);
    }

    private async Task SignalAsync(CartTransition transition, CancellationToken cancellationToken)
    {
        foreach (var signal in transition.Signals)
        {
            await workflows.SignalAsync(WorkflowId.For(transition.Cart.Shop, transition.Cart.Key), signal, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recorded delivery {WebhookId} ({Topic}, {Shop}) no longer parses; skipped")]
    private static partial void LogUnprocessable(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {WebhookId} ({Topic}, {Shop}) has no effect: the store was uninstalled after it")]
    private static partial void LogIgnored(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Information, Message = "checkouts/delete {WebhookId} from {Shop} names a checkout never seen; nothing to delete")]
    private static partial void LogUnknownCheckout(ILogger logger, string shop, string webhookId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Shop} uninstalled the app: its recoveries are stopped")]
    private static partial void LogUninstalled(ILogger logger, string shop);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redacted {Scope} data of {Shop}")]
    private static partial void LogRedacted(ILogger logger, string shop, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data request {RequestId} of {Shop} recorded with {Records} records")]
    private static partial void LogDataRequest(ILogger logger, string shop, string requestId, int records);
}
