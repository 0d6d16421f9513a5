using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Targeting.Caps;

/// <summary>One message reserved for (and, unless released, sent to) a customer: the step's idempotency key, its channel, when.</summary>
public sealed record ContactEntry(string Key, Channel Channel, DateTimeOffset At);
