namespace CartRecovery.Core.Carts;

/// <summary>How a shopper can be reached, and what they agreed to. Email and SMS consent are separate.</summary>
public sealed record ContactInfo(
    string? Email,
    string? Phone,
    ConsentState EmailConsent,
    ConsentState SmsConsent)
{
    public static ContactInfo None { get; } = new(null, null, ConsentState.Unknown, ConsentState.Unknown);
}
