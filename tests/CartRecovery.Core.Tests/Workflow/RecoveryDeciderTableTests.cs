using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using static CartRecovery.Core.Tests.Workflow.WorkflowFixtures;

namespace CartRecovery.Core.Tests.Workflow;

/// <summary>
/// Every event in every state, as a table of (state, event) -> (status, stop reason, commands). Events other than the start
/// happen at T0 + 1h30 unless their name says otherwise; "a" is the in-flight step when there is one.
/// </summary>
public sealed class RecoveryDeciderTableTests
{
    private static readonly DateTimeOffset Later = T0.AddMinutes(90);

    private static readonly Dictionary<string, Func<RecoveryState>> States = new()
    {
        ["new"] = () => RecoveryState.New(Id),
        ["waiting"] = () => Run(RecoveryState.New(Id), Started()).State,
        ["inFlight"] = () => Run(RecoveryState.New(Id), Started(), new TimerFired(T0.AddHours(1))).State,
        ["completed"] = () => Drive(Run(RecoveryState.New(Id), Started()).State, T0.AddDays(1)).State,
        ["merchantStopped"] = () => Run(RecoveryState.New(Id), Started(), Signal(new MerchantStop(T0.AddMinutes(5), "asked by customer"))).State,
        ["purchased"] = () => Run(RecoveryState.New(Id), Started(), Signal(new OrderPlaced(T0.AddMinutes(5), 1, 80m, "EUR", [], null))).State,
    };

    private static readonly Dictionary<string, RecoveryEvent> Events = new()
    {
        ["started"] = Started(),
        ["timerEarly"] = new TimerFired(T0.AddMinutes(30)),
        ["timerDue"] = new TimerFired(T0.AddHours(1)),
        ["timerAfterExpiry"] = new TimerFired(T0.AddHours(11)),
        ["stepCompleted"] = new StepCompleted(Later, "a", StepOutcome.Sent("m1")),
        ["staleStepCompleted"] = new StepCompleted(Later, "zzz", StepOutcome.Sent("m1")),
        ["orderPlaced"] = Signal(new OrderPlaced(Later, 7, 80m, "EUR", [], null)),
        ["optedOutAll"] = Signal(new OptedOut(Later, null)),
        ["optedOutEmail"] = Signal(new OptedOut(Later, Channel.Email)),
        ["cartUpdated"] = Signal(new CartUpdated(Later, Cart(total: 120m))),
        ["cartEmptied"] = Signal(new CartUpdated(Later, Cart(lines: 0))),
        ["cartGone"] = Signal(new CartGone(Later)),
        ["merchantStop"] = Signal(new MerchantStop(Later, "test")),
        ["merchantRestart"] = Signal(new MerchantRestart(Later)),
        ["storeRemoved"] = Signal(new StoreRemoved(Later)),
        ["messageEngaged"] = Signal(new MessageEngaged(Later, "a", false)),
        ["superseded"] = Signal(new Superseded(Later, "other")),
    };

    // (state, event, status after, stop reason after, commands)
    public static TheoryData<string, string, RecoveryStatus, StopReason?, string> Table { get; } = Build();

    private static TheoryData<string, string, RecoveryStatus, StopReason?, string> Build()
    {
        var rows = new TheoryData<string, string, RecoveryStatus, StopReason?, string>();
        void Row(string state, string e, RecoveryStatus status, StopReason? reason, string commands) => rows.Add(state, e, status, reason, commands);

        // Before the start nothing but the start does anything.
        foreach (var e in Events.Keys.Where(e => e != "started"))
        {
            Row("new", e, RecoveryStatus.New, null, "");
        }

        Row("new", "started", RecoveryStatus.Active, null, "timer");

        foreach (var state in new[] { "waiting", "inFlight" })
        {
            Row(state, "started", RecoveryStatus.Active, null, "");
            Row(state, "staleStepCompleted", RecoveryStatus.Active, null, "");
            Row(state, "orderPlaced", RecoveryStatus.Stopped, StopReason.Purchased, "finish");
            Row(state, "optedOutAll", RecoveryStatus.Stopped, StopReason.OptedOut, "finish");
            Row(state, "optedOutEmail", RecoveryStatus.Active, null, "");
            Row(state, "cartUpdated", RecoveryStatus.Active, null, "");
            Row(state, "cartEmptied", RecoveryStatus.Stopped, StopReason.CartGone, "finish");
            Row(state, "cartGone", RecoveryStatus.Stopped, StopReason.CartGone, "finish");
            Row(state, "merchantStop", RecoveryStatus.Stopped, StopReason.MerchantStopped, "finish");
            Row(state, "storeRemoved", RecoveryStatus.Stopped, StopReason.StoreRemoved, "finish");
            Row(state, "messageEngaged", RecoveryStatus.Active, null, "");
            Row(state, "superseded", RecoveryStatus.Stopped, StopReason.Superseded, "finish");
        }

        Row("waiting", "timerEarly", RecoveryStatus.Active, null, "timer");
        Row("waiting", "timerDue", RecoveryStatus.Active, null, "run");
        Row("waiting", "timerAfterExpiry", RecoveryStatus.Stopped, StopReason.Expired, "finish");
        Row("waiting", "stepCompleted", RecoveryStatus.Active, null, "");
        Row("waiting", "merchantRestart", RecoveryStatus.Active, null, "timer");

        // While a step is in flight, time waits for its outcome; a restart takes effect once it is recorded.
        Row("inFlight", "timerEarly", RecoveryStatus.Active, null, "");
        Row("inFlight", "timerDue", RecoveryStatus.Active, null, "");
        Row("inFlight", "timerAfterExpiry", RecoveryStatus.Active, null, "");
        Row("inFlight", "stepCompleted", RecoveryStatus.Active, null, "timer");
        Row("inFlight", "merchantRestart", RecoveryStatus.Active, null, "");

        // Ended recoveries ignore everything but a new start, and a restart where the stop reason allows it.
        foreach (var (state, status, reason, restartable) in new (string, RecoveryStatus, StopReason?, bool)[]
        {
            ("completed", RecoveryStatus.Completed, null, true),
            ("merchantStopped", RecoveryStatus.Stopped, StopReason.MerchantStopped, true),
            ("purchased", RecoveryStatus.Stopped, StopReason.Purchased, false),
        })
        {
            foreach (var e in Events.Keys.Where(e => e is not "started" and not "merchantRestart"))
            {
                Row(state, e, status, reason, "");
            }

            Row(state, "started", RecoveryStatus.Active, null, "timer");
            Row(state, "merchantRestart", restartable ? RecoveryStatus.Active : status, restartable ? null : reason, restartable ? "timer" : "");
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Decides_every_event_in_every_state(string state, string @event, RecoveryStatus status, StopReason? reason, string commands)
    {
        var decision = RecoveryDecider.Decide(States[state](), Events[@event]);

        Assert.Equal(status, decision.State.Status);
        Assert.Equal(reason, decision.State.StopReason);
        Assert.Equal(commands, string.Join(",", decision.Commands.Select(Name)));
    }

    [Fact]
    public void The_table_covers_every_state_and_every_event_exactly_once()
    {
        var covered = Table.Select(row => ((string)row.Data.Item1, (string)row.Data.Item2)).ToList();

        Assert.Equal(covered.Count, covered.Distinct().Count());
        Assert.Equal(States.Count * Events.Count, covered.Count);
    }

    [Fact]
    public void The_event_table_names_every_signal_type()
    {
        var signalTypes = typeof(RecoverySignal).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(RecoverySignal))).ToHashSet();
        var tabled = Events.Values.OfType<SignalReceived>().Select(s => s.Signal.GetType()).ToHashSet();

        Assert.Subset(tabled, signalTypes);
        Assert.Superset(signalTypes, tabled);
    }

    private static string Name(RecoveryCommand command) => command switch
    {
        ScheduleTimer => "timer",
        RunStep => "run",
        FinishRecovery => "finish",
        _ => command.GetType().Name,
    };
}
