namespace CartRecovery.Storage.Abandonment;

/// <summary>Tells the scheduler of this process that a new due entry exists, so it can wake earlier than it planned.</summary>
public sealed class AbandonmentWakeup
{
    private readonly SemaphoreSlim signal = new(0, 1);

    public void Notify()
    {
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
