using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using FsCheck;
using FsCheck.Fluent;
using static CartRecovery.Core.Tests.Workflow.WorkflowFixtures;

namespace CartRecovery.Core.Tests.Workflow;

/// <summary>
/// Rules that must hold whatever happens: random interleavings of time passing, step outcomes and every kind of signal,
/// played against the decider the way a host would (timers fire when due, in-flight steps complete later).
/// </summary>
public sealed class RecoveryDeciderPropertyTests
{
    private static readonly Config Config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly RecoverySettings[] SettingsChoices =
    [
        RecoveryPresets.Defaults with { IncentivesEnabled = true },
        RecoveryPresets.Defaults with { RestartOnCartChange = true, Sequences = new Dictionary<string, IReadOnlyList<StepDefinition>> { [SequenceKeys.Default] = RecoveryPresets.Multichannel } },
        Settings(restartOnCartChange: true, onFailure: StepFailurePolicy.StopSequence),
        Settings(expiry: TimeSpan.FromHours(2.5)),
    ];

    private static Gen<HostAction> Actions { get; } = Gen.Frequency(
        (6, Gen.Choose(0, 26 * 60).Select(m => (HostAction)new Wait(m))),
        (4, Gen.Elements(StepOutcomeKind.Sent, StepOutcomeKind.Skipped, StepOutcomeKind.Failed).Select(k => (HostAction)new Finish(k))),
        (2, Gen.Choose(0, 11).Select(k => (HostAction)new Send(k))));

    private static Arbitrary<Scenario> Scenarios { get; } =
        Gen.Choose(0, SettingsChoices.Length - 1)
            .SelectMany(s => Gen.Choose(0, 3).Select(c => (s, c)))
            .SelectMany(sc => Gen.ListOf(Actions, 40).Select(actions => new Scenario(sc.s, sc.c, actions.ToArray())))
            .ToArbitrary();

    [Fact]
    public void Nothing_is_sent_after_a_purchase_or_a_full_opt_out() =>
        Check.One(Config, Prop.ForAll(Scenarios, scenario =>
        {
            var trace = Play(scenario);
            var endedAt = trace.Applied.FindIndex(a => a.WasActive && a.Signal is OrderPlaced or OptedOut { Channel: null });
            return endedAt < 0 || trace.Runs.All(r => r.Position < endedAt);
        }));

    [Fact]
    public void Nothing_is_sent_on_a_channel_after_the_shopper_left_it() =>
        Check.One(Config, Prop.ForAll(Scenarios, scenario =>
        {
            var trace = Play(scenario);
            return trace.Applied
                .Select((a, i) => (a, i))
                .Where(x => x.a.WasActive && x.a.Signal is OptedOut { Channel: not null })
                .All(x => trace.Runs.All(r => r.Position < x.i || r.Request.Channel != ((OptedOut)x.a.Signal!).Channel));
        }));

    [Fact]
    public void No_step_runs_twice() =>
        Check.One(Config, Prop.ForAll(Scenarios, scenario =>
        {
            var keys = Play(scenario).Runs.Select(r => r.Request.IdempotencyKey).ToList();
            return keys.Count == keys.Distinct().Count();
        }));

    [Fact]
    public void Steps_of_a_run_go_in_order_and_never_before_they_are_due() =>
        Check.One(Config, Prop.ForAll(Scenarios, scenario =>
        {
            var trace = Play(scenario);
            var inOrder = trace.Runs.GroupBy(r => r.Generation).All(g => g.Select(r => r.Request.StepIndex).Zip(g.Skip(1).Select(r => r.Request.StepIndex)).All(p => p.First < p.Second));
            return inOrder && trace.Runs.All(r => r.DecidedAt >= r.DueAt);
        }));

    [Fact]
    public void Expiry_always_ends_the_recovery() =>
        Check.One(Config, Prop.ForAll(Scenarios, scenario =>
        {
            var trace = Play(scenario);
            var state = trace.State;
            for (var guard = 0; guard < 100 && !state.IsEnded; guard++)
            {
                state = state.InFlight is { } f
                    ? RecoveryDecider.Decide(state, new StepCompleted(state.ExpiresAt, f.Request.StepId, StepOutcome.Sent("m"))).State
                    : RecoveryDecider.Decide(state, new TimerFired(state.ExpiresAt)).State;
            }

            return state.IsEnded && state.WakeAt is null;
        }));

    private static Trace Play(Scenario scenario)
    {
        var settings = SettingsChoices[scenario.SettingsIndex];
        var cart = scenario.CartIndex switch
        {
            0 => Cart(),
            1 => Cart(total: 900m, lowStock: true),
            2 => Cart(emailConsent: CartRecovery.Core.Carts.ConsentState.NotSubscribed),
            _ => Cart(email: null),
        };
        var trace = new Trace(RecoveryState.New(Id));
        var now = T0;
        trace.Apply(Started(settings, cart), now);
        foreach (var action in scenario.Actions)
        {
            switch (action)
            {
                case Wait wait:
                    now = now.AddMinutes(wait.Minutes);
                    if (trace.State is { InFlight: null, WakeAt: { } wake } && wake <= now)
                    {
                        trace.Apply(new TimerFired(now), now);
                    }

                    break;
                case Finish finish when trace.State.InFlight is { } inFlight:
                    trace.Apply(new StepCompleted(now, inFlight.Request.StepId, new StepOutcome(finish.Kind, "r", "m")), now);
                    break;
                case Send send:
                    trace.Apply(Signal(SignalFor(send.Kind, now)), now);
                    break;
            }
        }

        return trace;
    }

    private static RecoverySignal SignalFor(int kind, DateTimeOffset at) => kind switch
    {
        0 => new OrderPlaced(at, 1, 10m, "EUR", [], null),
        1 => new OptedOut(at, null),
        2 => new OptedOut(at, Channel.Email),
        3 => new CartUpdated(at, Cart(total: 42m)),
        4 => new CartUpdated(at, Cart(lines: 0)),
        5 => new CartGone(at),
        6 => new MerchantStop(at, "x"),
        7 => new MerchantRestart(at),
        8 => new StoreRemoved(at),
        9 => new MessageEngaged(at, "email-2h", true),
        10 => new Superseded(at, "other"),
        _ => new MerchantRestart(at),
    };

    public abstract record HostAction;

    public sealed record Wait(int Minutes) : HostAction;

    public sealed record Finish(StepOutcomeKind Kind) : HostAction;

    public sealed record Send(int Kind) : HostAction;

    public sealed record Scenario(int SettingsIndex, int CartIndex, HostAction[] Actions)
    {
        public override string ToString() => $"settings {SettingsIndex}, cart {CartIndex}: {string.Join(" ", Actions.Select(a => a.ToString()))}";
    }

    private sealed record Applied(RecoverySignal? Signal, bool WasActive);

    private sealed record Ran(int Position, StepRequest Request, int Generation, DateTimeOffset DecidedAt, DateTimeOffset DueAt);

    private sealed class Trace(RecoveryState state)
    {
        public RecoveryState State { get; private set; } = state;

        public List<Applied> Applied { get; } = [];

        public List<Ran> Runs { get; } = [];

        public void Apply(RecoveryEvent e, DateTimeOffset now)
        {
            var before = State;
            var decision = RecoveryDecider.Decide(before, e);
            Applied.Add(new Applied((e as SignalReceived)?.Signal, before.Status == RecoveryStatus.Active));
            foreach (var run in decision.Commands.OfType<RunStep>())
            {
                var after = decision.State;
                Runs.Add(new Ran(Applied.Count - 1, run.Request, after.InFlight!.Generation, now, after.DueAt(after.Steps[run.Request.StepIndex])));
            }

            State = decision.State;
        }
    }
}
