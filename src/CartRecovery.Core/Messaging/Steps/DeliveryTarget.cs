namespace CartRecovery.Core.Messaging.Steps;

/// <summary>
/// Where a step's message would go: the address (normalised email, E.164 phone, push endpoint; null for the popup), what the
/// record keeps of it, the push subscription, or the reason it may not be sent at all.
/// </summary>
internal sealed record DeliveryTarget(string? Address, string? RecordedRecipient, PushSubscription? Subscription, string? SkipReason)
{
    public static DeliveryTarget Skip(string reason) => new(null, null, null, reason);
}
