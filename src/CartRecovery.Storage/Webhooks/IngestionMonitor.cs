namespace CartRecovery.Storage.Webhooks;

/// <summary>
/// How busy acknowledging is: deliveries recorded in the current and previous second. Processing shares the storage
/// account with acknowledging (on Azurite, one single-threaded process), so while deliveries pour in, processing paces
/// itself and the 5-second acknowledgement budget goes to the inbox writes; the backlog is worked off as the burst ends.
/// </summary>
public sealed class IngestionMonitor(TimeProvider time)
{
    private long second;
    private int current;
    private int previous;

    public void Recorded()
    {
        var now = time.GetTimestamp() / time.TimestampFrequency;
        lock (this)
        {
            Roll(now);
            current++;
        }
    }

    /// <summary>Deliveries recorded over roughly the last second.</summary>
    public int RecentRate
    {
        get
        {
            var now = time.GetTimestamp() / time.TimestampFrequency;
            lock (this)
            {
                Roll(now);
                return Math.Max(current, previous);
            }
        }
    }

    private void Roll(long now)
    {
        if (now == second)
        {
            return;
        }

        previous = now == second + 1 ? current : 0;
        current = 0;
        second = now;
    }
}
