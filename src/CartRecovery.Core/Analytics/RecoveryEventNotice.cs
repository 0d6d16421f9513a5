using CartRecovery.Core.Attribution;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Analytics;

/// <summary>
/// One recovery event for an outside analytics tool. <see cref="EventId"/> is stable for the same event, so a forwarder can
/// make a retry a no-op at the other end (Klaviyo's <c>unique_id</c>). <see cref="Order"/> is set for <see cref="RecoveryEventKind.Recovered"/>.
/// </summary>
public sealed record RecoveryEventNotice(
    RecoveryEventKind Kind,
    string Shop,
    string RecoveryId,
    string? CustomerKey,
    string? StepId,
    Channel? Channel,
    string? Variant,
    string? MessageId,
    DateTimeOffset At,
    OrderAttribution? Order)
{
    public string EventId => Kind switch
    {
        RecoveryEventKind.Started => $"{RecoveryId}:started",
        RecoveryEventKind.Recovered => $"{RecoveryId}:recovered:{Order?.OrderId}",
        _ => $"{RecoveryId}:{Kind}:{MessageId}".ToLowerInvariant(),
    };
}
