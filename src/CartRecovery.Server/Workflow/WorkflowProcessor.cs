using CartRecovery.Core.Telemetry;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// Brings one workflow up to date under a lease: runs the step left in flight (the outbox), applies inbox signals, fires its
/// timer if due, and saves. The state, with any step it decided to run, is saved before the step's effect; the step's outcome is
/// saved before the next decision is acted on. Every write is conditional on the ETag, so a runner that lost its lease stops.
/// </summary>
internal sealed partial class WorkflowProcessor(
    TableWorkflows store,
    TableTimers timers,
    StepRunner steps,
    ISequenceIndex index,
    IOptions<RunnerOptions> runnerOptions,
    TimeProvider time,
    RunnerMetrics metrics,
    ILogger<WorkflowProcessor> logger)
{
    // Signals applied per wake-up (their row keys are listed in the state row); each signal has its own wake-up row, so more follow.
    private const int InboxBatch = 90;
    private readonly RunnerOptions options = runnerOptions.Value;
    private readonly string runnerId = runnerOptions.Value.EffectiveId;

    public async Task<ProcessResult> ProcessAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(id, cancellationToken);
        if (stored is null)
        {
            return ProcessResult.Done(null, null);
        }

        var now = time.GetUtcNow();
        if (stored.LeaseOwner is { } owner && owner != runnerId && stored.LeaseUntil > now)
        {
            return ProcessResult.BusyUntil(Min(stored.LeaseUntil.Value, now + TimeSpan.FromSeconds(1)));
        }

        // No separate lease write: the first conditional save of a changed state claims the lease (a rival's save then fails
        // on the ETag), and the state of a workflow with nothing to do is not written at all.
        var session = new Session(id, stored, holdsLease: stored.LeaseOwner == runnerId);
        try
        {
            await RunAsync(session, cancellationToken);
            var state = session.State;
            TimerRow? written = null;
            if (session.Changed || session.HoldsLease || session.PreviouslyApplied.Count > 0)
            {
                written = state.WakeAt is { } wake ? await timers.AddAsync(id, wake, cancellationToken) : null;
                await SaveAsync(session, releaseLease: true, cancellationToken);
            }

            // Written on every wake-up, even one with nothing to do: a crash between the last save and its summary leaves the
            // row that woke the workflow in place, and its repeat wake-up (which finds nothing to do) is what repairs the index.
            // Never over an erasure that ran since the state was read (customers/redact): see SaveUnlessErasedAsync.
            if (state.Cart is not null)
            {
                await index.SaveUnlessErasedAsync(SequenceSummary.From(state), async ct => await store.ReadAsync(id, ct) is not null, cancellationToken);
            }

            return ProcessResult.Done(state.WakeAt, written);
        }
        catch (LeaseLostException e)
        {
            LogLeaseLost(logger, e.Message);
            return ProcessResult.BusyUntil(time.GetUtcNow() + TimeSpan.FromMilliseconds(500));
        }
    }

    private async Task RunAsync(Session session, CancellationToken cancellationToken)
    {
        // Rows a previous save applied but did not get to delete (a crash in between) are deleted now, never applied again.
        if (session.PreviouslyApplied.Count > 0)
        {
            await store.DeleteSignalsAsync(session.Id, session.PreviouslyApplied, cancellationToken);
        }

        var inbox = (await store.ReadInboxAsync(session.Id, InboxBatch, cancellationToken)).Where(i => !session.PreviouslyApplied.Contains(i.RowKey)).ToList();
        var nextSignal = 0;
        while (true)
        {
            if (session.State.InFlight is { } inFlight)
            {
                await SaveAsync(session, releaseLease: false, cancellationToken); // the outbox is durable before the effect
                var outcome = await RunStepAsync(session, inFlight, cancellationToken);
                metrics.StepRan();
                session.Apply(new StepCompleted(time.GetUtcNow(), inFlight.Request.StepId, outcome));
                continue;
            }

            if (nextSignal < inbox.Count)
            {
                var item = inbox[nextSignal++];
                session.Apply(new SignalReceived(time.GetUtcNow(), item.Signal));
                session.Consumed.Add(item.RowKey);
                continue;
            }

            var now = time.GetUtcNow();
            if (session.State is { Status: RecoveryStatus.Active, WakeAt: { } wake } && wake <= now)
            {
                metrics.TimerFired(now - wake);
                session.Apply(new TimerFired(now));
                continue;
            }

            return;
        }
    }

    /// <summary>Runs the step while renewing the lease; if the lease is lost the step is abandoned (its key makes the next runner's attempt safe).</summary>
    private async Task<Core.Messaging.StepOutcome> RunStepAsync(Session session, InFlightStep inFlight, CancellationToken cancellationToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var step = steps.RunAsync(inFlight.Request, lost.Token);
        while (true)
        {
            var renewal = Task.Delay(options.LeaseDuration / 3, time, cancellationToken);
            if (await Task.WhenAny(step, renewal) == step)
            {
                return await step;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var renewed = await store.TryLeaseAsync(session.Id, session.ETag, runnerId, time.GetUtcNow() + options.LeaseDuration, cancellationToken);
            if (renewed is not { } etag)
            {
                await lost.CancelAsync();
                throw new LeaseLostException(session.Id);
            }

            session.ETag = etag;
        }
    }

    private async Task SaveAsync(Session session, bool releaseLease, CancellationToken cancellationToken)
    {
        var saved = await store.TrySaveAsync(
            session.State,
            session.ETag,
            session.Chunks,
            releaseLease ? null : runnerId,
            releaseLease ? null : time.GetUtcNow() + options.LeaseDuration,
            session.Consumed,
            cancellationToken);
        (session.ETag, session.Chunks) = saved ?? throw new LeaseLostException(session.Id);
        session.HoldsLease = !releaseLease;

        // The saved row lists every signal this session applied, so their rows can go.
        await store.DeleteSignalsAsync(session.Id, session.Consumed.Except(session.Deleted).ToList(), cancellationToken);
        session.Deleted.UnionWith(session.Consumed);
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The workflow as this runner holds it: current state, the ETag of its last write, and signals applied but not yet saved.</summary>
    private sealed class Session(string id, StoredWorkflow stored, bool holdsLease)
    {
        public string Id { get; } = id;

        public RecoveryState State { get; private set; } = stored.State;

        public Azure.ETag ETag { get; set; } = stored.ETag;

        /// <summary>How many columns the stored state fills.</summary>
        public int Chunks { get; set; } = stored.Chunks;

        /// <summary>Whether the stored row names this runner as its holder (after a save that kept the lease, or after a crash of this runner).</summary>
        public bool HoldsLease { get; set; } = holdsLease;

        /// <summary>Whether any event changed the state since it was read (a consumed signal always counts).</summary>
        public bool Changed { get; private set; }

        /// <summary>Inbox rows applied in this session; every save records all of them with the state.</summary>
        public List<string> Consumed { get; } = [];

        public IReadOnlyList<string> PreviouslyApplied { get; } = stored.AppliedInbox;

        public HashSet<string> Deleted { get; } = new(StringComparer.Ordinal);

        public void Apply(RecoveryEvent e)
        {
            var next = RecoveryDecider.Decide(State, e).State;
            Changed |= !next.Equals(State) || e is SignalReceived;
            CartRecoveryMetrics.RecoveryTransition(State, next);
            State = next;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Message}")]
    private static partial void LogLeaseLost(ILogger logger, string message);
}
