using System.Collections.Concurrent;

namespace CartRecovery.Storage.Webhooks;

/// <summary>Wakes the worker of a partition as soon as a delivery is recorded there, so processing starts within milliseconds.</summary>
public sealed class InboxSignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> signals = new(StringComparer.Ordinal);

    public void Notify(string partition)
    {
        var signal = Get(partition);
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // another notifier got there first; one wake-up is enough
            }
        }
    }

    /// <summary>True when notified, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(string partition, TimeSpan timeout, CancellationToken cancellationToken) =>
        Get(partition).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim Get(string partition) => signals.GetOrAdd(partition, _ => new SemaphoreSlim(0, 1));
}
