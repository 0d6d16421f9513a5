namespace CartRecovery.Core.Carts;

/// <summary>What was abandoned decides how it can be recovered.</summary>
public enum CartKind
{
    /// <summary>A storefront cart (<c>carts/*</c>): no contact details, so only the on-site popup can reach it.</summary>
    Cart,

    /// <summary>A checkout with contact details (<c>checkouts/*</c>): reachable by email, SMS or push.</summary>
    Checkout,
}
