using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Privacy;
using CartRecovery.Core.Shopify.Payloads;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Ingestion;

/// <summary>
/// The mandatory compliance topics: <c>customers/redact</c> and <c>shop/redact</c> erase what every holder keeps,
/// <c>customers/data_request</c> records an export for the merchant to fetch.
/// </summary>
public sealed partial class PrivacyDeliveries(
    TrackedCarts carts,
    IShopRepository shops,
    IAbandonmentDueIndex due,
    IPrivacyRequestRepository privacyRequests,
    IEnumerable<IPersonalDataHolder> holders,
    IShopAccessTokens access,
    TimeProvider time,
    ILogger<PrivacyDeliveries> logger)
{
    public async Task RedactCustomerAsync(string shop, ShopifyCustomersRedact request, CancellationToken cancellationToken)
    {
        var customer = new CustomerRef(request.Customer!.Id, request.Customer.Email, request.Customer.Phone);
        foreach (var holder in holders)
        {
            await holder.EraseCustomerAsync(shop, customer, cancellationToken).ConfigureAwait(false);
        }

        await carts.Store.EraseOrdersAsync(shop, request.OrdersToRedact ?? [], cancellationToken).ConfigureAwait(false);
        LogRedacted(logger, shop, "customer");
    }

    public async Task RedactShopAsync(string shop, CancellationToken cancellationToken)
    {
        foreach (var holder in holders)
        {
            await holder.EraseShopAsync(shop, cancellationToken).ConfigureAwait(false);
        }

        await due.RemoveShopAsync(shop, cancellationToken).ConfigureAwait(false);
        await shops.EraseAsync(shop, cancellationToken).ConfigureAwait(false);
        await access.DeleteAsync(shop, cancellationToken).ConfigureAwait(false);
        LogRedacted(logger, shop, "shop");
    }

    public async Task RecordDataRequestAsync(WebhookDelivery delivery, ShopifyCustomersDataRequest request, CancellationToken cancellationToken)
    {
        var customer = new CustomerRef(request.Customer!.Id, request.Customer.Email, request.Customer.Phone);
        var id = request.DataRequest?.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? delivery.WebhookId;
        var (json, records) = await PrivacyExport.BuildAsync(holders, delivery.Shop, id, customer, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var summary = new PrivacyRequestSummary(id, delivery.OccurredAt, customer.Id, request.OrdersRequested ?? [], records);
        await privacyRequests.SaveAsync(delivery.Shop, summary, customer, json, cancellationToken).ConfigureAwait(false);
        LogDataRequest(logger, delivery.Shop, id, records);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redacted {Scope} data of {Shop}")]
    private static partial void LogRedacted(ILogger logger, string shop, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data request {RequestId} of {Shop} recorded with {Records} records")]
    private static partial void LogDataRequest(ILogger logger, string shop, string requestId, int records);
}
