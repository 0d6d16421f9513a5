using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Attribution;

/// <summary>One interaction of a shopper with one message of one recovery.</summary>
public sealed record Touch(
    string Shop,
    string RecoveryId,
    string? CustomerKey,
    string MessageId,
    string StepId,
    Channel Channel,
    string? Variant,
    TouchKind Kind,
    DateTimeOffset At);
