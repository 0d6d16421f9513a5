namespace CartRecovery.Server.Workflow;

/// <summary>
/// Timer rows whose workflow was saved and which can go, deleted together (group commit): while one batch is being deleted
/// the next accumulates, so under load a delete request serves many steps and an idle runner still deletes each row at once.
/// A row not yet deleted when the process stops only wakes its workflow once more, which then finds nothing to do.
/// </summary>
internal sealed class FiredTimerRows
{
    private readonly object gate = new();
    private List<TimerRow> pending = [];
    private TaskCompletionSource added = NewSignal();

    public void Add(TimerRow row)
    {
        lock (gate)
        {
            pending.Add(row);
            added.TrySetResult();
        }
    }

    /// <summary>Takes every row added so far (empty when none).</summary>
    public IReadOnlyList<TimerRow> TakeAll()
    {
        lock (gate)
        {
            var taken = pending;
            pending = [];
            added = NewSignal();
            return taken;
        }
    }

    /// <summary>Completes once a row is waiting.</summary>
    public Task WaitAsync()
    {
        lock (gate)
        {
            return pending.Count > 0 ? Task.CompletedTask : added.Task;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
