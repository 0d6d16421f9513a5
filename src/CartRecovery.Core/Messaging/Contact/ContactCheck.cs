namespace CartRecovery.Core.Messaging.Contact;

/// <summary>
/// What the contact policy found for one channel: the address to send to (normalised email, E.164 phone; null for the
/// channels whose address the cart does not hold), or the reason the shopper may not be contacted on it.
/// </summary>
public sealed record ContactCheck(string? Address, string? SkipReason)
{
    public static ContactCheck Allowed(string? address) => new(address, null);

    public static ContactCheck Skip(string reason) => new(null, reason);

    public bool IsAllowed => SkipReason is null;
}
