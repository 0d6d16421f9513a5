namespace CartRecovery.Core.Analytics;

/// <summary>
/// Receives recovery events for an outside tool. Implementations must not throw for the tool's failures (a recovery never
/// waits on analytics): they queue, retry and record a failure instead.
/// </summary>
public interface IRecoveryEventSink
{
    Task PublishAsync(RecoveryEventNotice notice, CancellationToken cancellationToken);
}
