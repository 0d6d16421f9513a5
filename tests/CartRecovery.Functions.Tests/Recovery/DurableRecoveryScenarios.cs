using CartRecovery.RecoveryScenarios;

namespace CartRecovery.Functions.Tests.Recovery;

// The engine-neutral recovery scenarios (tests/Shared/Recovery) on Durable Functions' engine; CartRecovery.Server.Tests
// runs the same ones on the embedded runner.

public sealed class DurableSequenceScenarios : SequenceScenarios
{
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurableStopScenarios : StopScenarios
{
    protected override IReadOnlyDictionary<string, string> KnownGaps => new Dictionary<string, string>
    {
        [nameof(An_emptied_cart_or_a_deleted_checkout_stops_the_recovery)] = DurableGaps.SignalAfterStep,
    };

    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurableMerchantScenarios : MerchantScenarios
{
    protected override IReadOnlyDictionary<string, string> KnownGaps => new Dictionary<string, string>
    {
        [nameof(The_merchant_stops_a_recovery_and_restarts_it_from_its_first_step)] = DurableGaps.SignalAfterStep,
    };

    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurableFailureScenarios : FailureScenarios
{
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurablePrivacyScenarios : PrivacyScenarios
{
    // Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1, not Durable Functions: see docs/workflow.md ("Durable scenarios").
    protected override IReadOnlyDictionary<string, string> KnownGaps => new Dictionary<string, string>
    {
        [nameof(Redacting_a_customer_ends_their_running_recoveries_and_erases_them_from_the_engine)] =
            "Intermittent: a summary re-written after the erasure by the instance the in-process test engine re-creates (docs/workflow.md, Durable scenarios)",
    };

    protected override string? EngineErasureGap =>
        "the in-process test engine keeps messages an episode emitted together with a termination (a timer, an activity) and, when they " +
        "arrive, replays the terminated instance past its termination, re-creating it after the purge and running its next step";

    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

internal static class DurableGaps
{
    public const string SignalAfterStep =
        "Intermittent on the in-process Durable engine (about 1 run in 3 on a loaded machine): a signal raised right after a step was sent " +
        "is sometimes not applied before the next step or at all; under investigation, docs/workflow.md (Durable scenarios)";
}
