namespace CartRecovery.Core.Carts;

/// <summary>
/// What the payload says about whether the shopper should be messaged at all: a test checkout, a customer account the
/// merchant disabled (<c>customer.state</c> = <c>disabled</c>), or a customer the merchant tagged as fraud (a tag containing
/// "fraud"; Shopify's checkout payload carries no fraud analysis of its own).
/// </summary>
public sealed record TrustSignals(bool Test, bool CustomerDisabled, bool FraudFlagged)
{
    public static TrustSignals None { get; } = new(false, false, false);
}
