namespace CartRecovery.Storage.Abandonment;

/// <summary>
/// Tells the scheduler of this process that a cart became due earlier than it planned to wake, so it wakes then rather
/// than at its next poll. Entries due after the planned wake-up do not wake it: under load that would mean a sweep per webhook.
/// </summary>
public sealed class AbandonmentWakeup
{
    private readonly SemaphoreSlim signal = new(0, 1);
    private long plannedTicks = long.MaxValue;

    /// <summary>When the scheduler will look next; set by the scheduler before it sleeps.</summary>
    public void Planned(DateTimeOffset wakeAt) => Interlocked.Exchange(ref plannedTicks, wakeAt.UtcTicks);

    public void Notify(DateTimeOffset dueAt)
    {
        if (dueAt.UtcTicks >= Interlocked.Read(ref plannedTicks))
        {
            return;
        }

        Interlocked.Exchange(ref plannedTicks, long.MaxValue);
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // already signalled
        }
    }

    public Task WaitAsync(CancellationToken cancellationToken) => signal.WaitAsync(cancellationToken);
}
