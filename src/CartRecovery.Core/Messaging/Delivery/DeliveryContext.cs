namespace CartRecovery.Core.Messaging.Delivery;

/// <summary>
/// What every send carries besides the message: the step's idempotency key (providers that deduplicate receive it, or an id
/// derived from it) and when the first attempt was made (ACS SMS wants that instant repeated on every retry).
/// </summary>
public sealed record DeliveryContext(string IdempotencyKey, DateTimeOffset FirstAttemptAt);
