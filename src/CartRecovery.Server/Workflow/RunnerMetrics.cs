using System.Collections.Concurrent;
using CartRecovery.Core.Telemetry;

namespace CartRecovery.Server.Workflow;

/// <summary>What the runner measured about itself: timer lag (due time to the decision) for the benchmark and diagnostics.</summary>
public sealed class RunnerMetrics
{
    private readonly ConcurrentQueue<TimeSpan> timerLags = new();
    private long stepsRun;

    /// <summary>When false (the default) lags are not kept, so a long-running server does not grow.</summary>
    public bool RecordTimerLags { get; set; }

    public long StepsRun => Interlocked.Read(ref stepsRun);

    public IReadOnlyCollection<TimeSpan> TimerLags => timerLags.ToArray();

    internal void TimerFired(TimeSpan lag)
    {
        CartRecoveryMetrics.TimerLag(lag);
        if (RecordTimerLags)
        {
            timerLags.Enqueue(lag);
        }
    }

    internal void StepRan() => Interlocked.Increment(ref stepsRun);

    public void Reset()
    {
        timerLags.Clear();
        Interlocked.Exchange(ref stepsRun, 0);
    }
}
