using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using Microsoft.Extensions.Options;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// Brings one workflow up to date under a lease: runs the step left in flight (the outbox), applies inbox signals, fires its
/// timer if due, and saves. The state, with any step it decided to run, is saved before the step's effect; the step's outcome is
/// saved before the next decision is acted on. Every write is conditional on the ETag, so a runner that lost its lease stops.
/// </summary>
internal sealed class WorkflowProcessor(
    WorkflowStore store,
    StepRunner steps,
    ISequenceIndex index,
    IOptions<RunnerOptions> runnerOptions,
    TimeProvider time,
    RunnerMetrics metrics,
    ILogger<WorkflowProcessor> logger)
{
    // A transaction holds 100 actions: the state row and up to 99 consumed signals.
    private const int InboxBatch = 90;
    private readonly RunnerOptions options = runnerOptions.Value;
    private readonly string runnerId = runnerOptions.Value.EffectiveId;

    public async Task<ProcessResult> ProcessAsync(string id, CancellationToken cancellationToken)
    {
        var stored = await store.ReadAsync(id, cancellationToken);
        if (stored is null)
        {
            return ProcessResult.Done(null);
        }

        var now = time.GetUtcNow();
        if (stored.LeaseOwner is { } owner && owner != runnerId && stored.LeaseUntil > now)
        {
            return ProcessResult.BusyUntil(Min(stored.LeaseUntil.Value, now + TimeSpan.FromSeconds(1)));
        }

        var etag = await store.TryLeaseAsync(id, stored.ETag, runnerId, now + options.LeaseDuration, cancellationToken);
        if (etag is not { } leased)
        {
            return ProcessResult.BusyUntil(now + TimeSpan.FromMilliseconds(200));
        }

        var session = new Session(id, stored.State, leased);
        try
        {
            await RunAsync(session, cancellationToken);
        }
        catch (LeaseLostException e)
        {
            logger.LogWarning("{Message}", e.Message);
            return ProcessResult.BusyUntil(time.GetUtcNow() + TimeSpan.FromSeconds(1));
        }

        var state = session.State;
        var timerKey = state.WakeAt is { } wake ? await store.AddTimerAsync(id, wake, cancellationToken) : null;
        await SaveAsync(session, releaseLease: true, cancellationToken);
        if (state.Cart is not null)
        {
            await index.UpsertAsync(SequenceSummary.From(state), cancellationToken);
        }

        return ProcessResult.Done(timerKey);
    }

    private async Task RunAsync(Session session, CancellationToken cancellationToken)
    {
        var inbox = await store.ReadInboxAsync(session.Id, InboxBatch, cancellationToken);
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
                session.Consumed.Add(item);
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
        var etag = await store.TrySaveAsync(
            session.State,
            session.ETag,
            releaseLease ? null : runnerId,
            releaseLease ? null : time.GetUtcNow() + options.LeaseDuration,
            session.Consumed,
            cancellationToken);
        session.ETag = etag ?? throw new LeaseLostException(session.Id);
        session.Consumed.Clear();
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>The workflow as this runner holds it: current state, the ETag of its last write, and signals applied but not yet saved.</summary>
    private sealed class Session(string id, RecoveryState state, Azure.ETag etag)
    {
        public string Id { get; } = id;

        public RecoveryState State { get; private set; } = state;

        public Azure.ETag ETag { get; set; } = etag;

        public List<InboxItem> Consumed { get; } = [];

        public void Apply(RecoveryEvent e) => State = RecoveryDecider.Decide(State, e).State;
    }
}
