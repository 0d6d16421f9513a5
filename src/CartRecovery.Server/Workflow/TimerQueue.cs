using System.Diagnostics.CodeAnalysis;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// The runner's in-memory view of timer rows due soon: a min-heap by due time, plus the set of rows already known so a poll
/// does not add a row twice. Thread-safe; <see cref="WaitAsync"/> wakes when something earlier than the current head arrives.
/// </summary>
internal sealed class TimerQueue
{
    private readonly object gate = new();
    private readonly PriorityQueue<TimerRow, long> heap = new();
    private readonly HashSet<TimerRow> known = [];
    private TaskCompletionSource changed = NewSignal();

    /// <summary>Adds a timer row unless it is already queued or being processed.</summary>
    public void Add(TimerRow row)
    {
        lock (gate)
        {
            if (known.Add(row))
            {
                Enqueue(row, row.Due);
            }
        }
    }

    /// <summary>Puts back a row that could not be processed (another runner holds the workflow), to be tried at <paramref name="at"/>.</summary>
    public void Retry(TimerRow row, DateTimeOffset at)
    {
        lock (gate)
        {
            Enqueue(row, at);
        }
    }

    /// <summary>Forgets a row once it was deleted, so a later row with the same key (same due time) is accepted again.</summary>
    public void Forget(TimerRow row)
    {
        lock (gate)
        {
            known.Remove(row);
        }
    }

    /// <summary>Takes the earliest row if it is due by <paramref name="now"/>; otherwise says when the head falls due (null: empty).</summary>
    public bool TryTakeDue(DateTimeOffset now, [NotNullWhen(true)] out TimerRow? row, out DateTimeOffset? nextDue)
    {
        lock (gate)
        {
            nextDue = null;
            row = null;
            if (!heap.TryPeek(out var head, out var ticks))
            {
                return false;
            }

            if (ticks > now.UtcTicks)
            {
                nextDue = new DateTimeOffset(ticks, TimeSpan.Zero);
                return false;
            }

            row = heap.Dequeue();
            return true;
        }
    }

    /// <summary>How many queued rows are due by <paramref name="time"/> (the backlog the runner has not started yet).</summary>
    public int CountDueBy(DateTimeOffset time)
    {
        lock (gate)
        {
            return heap.UnorderedItems.Count(item => item.Priority <= time.UtcTicks);
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

    private void Enqueue(TimerRow row, DateTimeOffset at)
    {
        heap.Enqueue(row, at.UtcTicks);
        changed.TrySetResult();
        changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
