using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Ingestion;

/// <summary>
/// Gives a recorded delivery its effect on state and on running recoveries, handing it to its topic family. Idempotent:
/// state changes are guarded by Shopify's timestamps and versions, and signals to the workflows are safe to repeat, so a
/// delivery processed twice (a crash before it was marked done) has the effect of one.
/// </summary>
public sealed partial class WebhookDeliveryProcessor(
    CartDeliveries carts,
    OrderDeliveries orders,
    ShopLifecycleDeliveries shops,
    PrivacyDeliveries privacy,
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
            case ShopifyCart cart when await shops.IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false):
                await carts.ApplyCartAsync(delivery, cart, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyCheckout checkout when await shops.IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false):
                await carts.ApplyCheckoutAsync(delivery, checkout, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyCheckoutDeletion deletion when await shops.IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false):
                await carts.ApplyCheckoutDeletionAsync(delivery, deletion, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyOrder cancelled when delivery.KnownTopic == WebhookTopic.OrdersCancelled:
                await orders.ApplyCancellationAsync(delivery, cancelled, cancellationToken).ConfigureAwait(false); // revenue stays true after an uninstall
                break;
            case ShopifyRefund refund:
                await orders.ApplyRefundAsync(delivery, refund, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyOrder order when await shops.IsLiveAsync(delivery, cancellationToken).ConfigureAwait(false):
                await orders.ApplyOrderAsync(delivery, order, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyShop:
                await shops.UninstallAsync(delivery, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyCustomersRedact redact:
                await privacy.RedactCustomerAsync(delivery.Shop, redact, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyShopRedact:
                await privacy.RedactShopAsync(delivery.Shop, cancellationToken).ConfigureAwait(false);
                break;
            case ShopifyCustomersDataRequest request:
                await privacy.RecordDataRequestAsync(delivery, request, cancellationToken).ConfigureAwait(false);
                break;
            default:
                LogIgnored(logger, delivery.Shop, delivery.Topic, delivery.WebhookId);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Recorded delivery {WebhookId} ({Topic}, {Shop}) no longer parses; skipped")]
    private static partial void LogUnprocessable(ILogger logger, string shop, string topic, string webhookId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {WebhookId} ({Topic}, {Shop}) has no effect: the store was uninstalled after it")]
    private static partial void LogIgnored(ILogger logger, string shop, string topic, string webhookId);
}
