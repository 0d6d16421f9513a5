namespace CartRecovery.Server.Workflow;

/// <summary>
/// The runner's in-memory view of timer rows due soon: a min-heap by due time, plus the set of rows already known so a poll
/// does not add a row twice. Thread-safe; <see cref="WaitAsync"/> wakes when something earlier than the current head arrives.
/// </summary>
internal sealed class TimerQueue
{
    private readonly object gate = new();
    private readonly PriorityQueue<(string Key, string WorkflowId), long> heap = new();
    private readonly HashSet<string> known = new(StringComparer.Ordinal);
    private TaskCompletionSource changed = NewSignal();

    public int Count
    {
        get
        {
            lock (gate)
            {
                return heap.Count;
            }
        }
    }

    /// <summary>Adds a timer row unless it is already queued or being processed.</summary>
    public void Add(string key, string workflowId, DateTimeOffset due)
    {
        lock (gate)
        {
            if (!known.Add(key))
            {
                return;
            }

            heap.Enqueue((key, workflowId), due.UtcTicks);
            changed.TrySetResult();
            changed = NewSignal();
        }
    }

    /// <summary>Puts back a row that could not be processed (another runner holds the workflow), to be tried at <paramref name="due"/>.</summary>
    public void Retry(string key, string workflowId, DateTimeOffset due)
    {
        lock (gate)
        {
            heap.Enqueue((key, workflowId), due.UtcTicks);
            changed.TrySetResult();
            changed = NewSignal();
        }
    }

    /// <summary>Forgets a row once it was deleted, so a later row with the same key (same due time) is accepted again.</summary>
    public void Forget(string key)
    {
        lock (gate)
        {
            known.Remove(key);
        }
    }

    /// <summary>Takes the earliest row if it is due by <paramref name="now"/>; otherwise says when the head falls due (null: empty).</summary>
    public bool TryTakeDue(DateTimeOffset now, out (string Key, string WorkflowId) timer, out DateTimeOffset? nextDue)
    {
        lock (gate)
        {
            nextDue = null;
            timer = default;
            if (!heap.TryPeek(out var head, out var ticks))
            {
                return false;
            }

            if (ticks > now.UtcTicks)
            {
                nextDue = new DateTimeOffset(ticks, TimeSpan.Zero);
                return false;
            }

            heap.Dequeue();
            timer = head;
            return true;
        }
    }

    /// <summary>Completes when a row is added (or retried).</summary>
    public Task WaitAsync()
    {
        lock (gate)
        {
            return changed.Task;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
