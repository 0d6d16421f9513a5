using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Webhooks;
using CartRecovery.Core.Workflow;
using Microsoft.Extensions.Logging;

namespace CartRecovery.Core.Ingestion;

/// <summary>
/// A shop's install state: every delivery records contact (a late delivery of a shop uninstalled after the event has no
/// effect), and <c>app/uninstalled</c> stops the shop's recoveries and forgets its pending abandonments and its Admin access token.
/// </summary>
public sealed partial class ShopLifecycleDeliveries(IShopRepository shops, IAbandonmentDueIndex due, IRecoveryWorkflows workflows, IShopAccessTokens access, ILogger<ShopLifecycleDeliveries> logger)
{
    /// <summary>False for a late delivery of a shop uninstalled after the event: its work has stopped.</summary>
    public Task<bool> IsLiveAsync(WebhookDelivery delivery, CancellationToken cancellationToken) =>
        shops.RecordContactAsync(delivery.Shop, delivery.OccurredAt, cancellationToken);

    public async Task UninstallAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        await shops.MarkUninstalledAsync(delivery.Shop, delivery.OccurredAt, cancellationToken).ConfigureAwait(false);
        await due.RemoveShopAsync(delivery.Shop, cancellationToken).ConfigureAwait(false);
        await workflows.SignalShopAsync(delivery.Shop, new StoreRemoved(delivery.OccurredAt), cancellationToken).ConfigureAwait(false);
        await access.DeleteAsync(delivery.Shop, cancellationToken).ConfigureAwait(false); // the token is dead anyway; a reinstall grants a new one
        LogUninstalled(logger, delivery.Shop);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Store {Shop} uninstalled the app: its recoveries are stopped")]
    private static partial void LogUninstalled(ILogger logger, string shop);
}
