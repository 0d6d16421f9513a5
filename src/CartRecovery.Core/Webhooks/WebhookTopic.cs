namespace CartRecovery.Core.Webhooks;

/// <summary>The Shopify topics the app acts on; anything else is <see cref="Unknown"/> (acknowledged and logged, never failed).</summary>
public enum WebhookTopic
{
    Unknown,
    CartsCreate,
    CartsUpdate,
    CheckoutsCreate,
    CheckoutsUpdate,
    CheckoutsDelete,
    OrdersCreate,
    OrdersPaid,
    OrdersCancelled,
    RefundsCreate,
    AppUninstalled,
    CustomersDataRequest,
    CustomersRedact,
    ShopRedact,
}
