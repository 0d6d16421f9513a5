using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.Core.Tests.Workflow;

/// <summary>A small store configuration and a reachable checkout: step "a" (email) at 1 h, "b" (popup) at 2 h, expiry 10 h.</summary>
internal static class WorkflowFixtures
{
    public const string Shop = "demo.myshopify.com";
    public const string CartKey = "chk-1";
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly string Id = WorkflowId.For(Shop, CartKey).Value;

    public static RecoverySettings Settings(
        IReadOnlyList<StepDefinition>? steps = null,
        bool restartOnCartChange = false,
        bool incentives = false,
        StepFailurePolicy onFailure = StepFailurePolicy.ContinueWithNextStep,
        TimeSpan? expiry = null) =>
        RecoveryPresets.Defaults with
        {
            Expiry = expiry ?? TimeSpan.FromHours(10),
            RestartOnCartChange = restartOnCartChange,
            IncentivesEnabled = incentives,
            OnStepFailure = onFailure,
            Sequences = new Dictionary<string, IReadOnlyList<StepDefinition>>
            {
                [SequenceKeys.Default] = steps ??
                [
                    new("a", TimeSpan.FromHours(1), Channel.Email, MessageIntent.HelpfulReminder),
                    new("b", TimeSpan.FromHours(2), Channel.Popup, MessageIntent.SocialProof),
                ],
            },
        };

    public static CartSnapshot Cart(
        decimal total = 80m,
        ConsentState emailConsent = ConsentState.Subscribed,
        string? email = "shopper@example.com",
        CustomerSnapshot? customer = null,
        bool lowStock = false,
        int lines = 1) =>
        new(
            Shop,
            CartKey,
            CartKind.Checkout,
            "cart-tok",
            CartKey,
            customer,
            new ContactInfo(email, "+15555550100", emailConsent, ConsentState.Subscribed),
            "EUR",
            total,
            "en",
            Enumerable.Range(0, lines).Select(i => new CartLine(1, 2, "Mug", null, 1, total, null, "MUG", lowStock)).ToArray(),
            "https://demo.myshopify.com/recover",
            T0);

    public static RecoveryStarted Started(RecoverySettings? settings = null, CartSnapshot? cart = null, double timeScale = 1, DateTimeOffset? at = null) =>
        new(at ?? T0, cart ?? Cart(), at ?? T0, settings ?? Settings(), timeScale);

    public static SignalReceived Signal(RecoverySignal signal) => new(signal.At, signal);

    public static RecoveryDecision Run(RecoveryState state, params RecoveryEvent[] events)
    {
        var decision = new RecoveryDecision(state, []);
        foreach (var e in events)
        {
            decision = RecoveryDecider.Decide(decision.State, e);
        }

        return decision;
    }

    public static RecoveryState StartedState(RecoverySettings settings, CartSnapshot? cart = null) =>
        RecoveryDecider.Decide(RecoveryState.New(Id), Started(settings: settings, cart: cart)).State;

    /// <summary>Plays the hosts' part: fires timers at their due time and completes every step as sent, until the end or <paramref name="until"/>.</summary>
    public static (RecoveryState State, List<StepRequest> Executed) Drive(RecoveryState state, DateTimeOffset until, Func<StepRequest, StepOutcome>? outcome = null)
    {
        var executed = new List<StepRequest>();
        for (var guard = 0; guard < 1000; guard++)
        {
            if (state.InFlight is { } inFlight)
            {
                executed.Add(inFlight.Request);
                var result = outcome?.Invoke(inFlight.Request) ?? StepOutcome.Sent("msg-" + inFlight.Request.StepId);
                state = RecoveryDecider.Decide(state, new StepCompleted(inFlight.DecidedAt, inFlight.Request.StepId, result)).State;
                continue;
            }

            if (state.WakeAt is not { } wake || wake > until)
            {
                return (state, executed);
            }

            state = RecoveryDecider.Decide(state, new TimerFired(wake)).State;
        }

        throw new InvalidOperationException("the workflow did not settle");
    }
}
