namespace CartRecovery.Core.Carts;

/// <summary>
/// The state of one cart or checkout at a point in time: what the workflow decides on and what messages are composed from.
/// <see cref="CartKey"/> is the checkout token for a checkout and the cart token for a cart.
/// </summary>
public sealed record CartSnapshot(
    string Shop,
    string CartKey,
    CartKind Kind,
    string? CartToken,
    string? CheckoutToken,
    CustomerSnapshot? Customer,
    ContactInfo Contact,
    string Currency,
    decimal TotalPrice,
    string? Locale,
    IReadOnlyList<CartLine> Lines,
    string? RecoveryUrl,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The key that makes two checkouts "the same shopper": customer id, else the lower-cased email; null when neither is known.</summary>
    public string? CustomerKey => Carts.CustomerKey.From(Customer?.Id, Contact.Email);

    /// <summary>The address's country and province: the recipient's time zone for quiet hours. Null when the payload has no address.</summary>
    public RecipientLocation? Location { get; init; }

    /// <summary>Test checkout, disabled or fraud-flagged customer: the trust filter skips such carts.</summary>
    public TrustSignals Trust { get; init; } = TrustSignals.None;
}
