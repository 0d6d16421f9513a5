namespace CartRecovery.Core.Attribution;

/// <summary>How an order was tied to a recovery, strongest first: the same checkout, the same cart, the recovery's discount code, or the shopper's last interaction inside its window.</summary>
public enum MatchRoute
{
    CheckoutToken,
    CartToken,
    DiscountCode,
    LastTouch,
}
