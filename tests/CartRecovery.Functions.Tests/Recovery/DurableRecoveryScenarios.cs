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
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurableMerchantScenarios : MerchantScenarios
{
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurableFailureScenarios : FailureScenarios
{
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurablePrivacyScenarios : PrivacyScenarios
{
    // Microsoft.DurableTask.InProcessTestHost 0.2.3-preview.1, not Durable Functions: see docs/workflow.md ("Durable scenarios").
    protected override string? EngineErasureGap =>
        "the in-process test engine keeps messages an episode emitted together with a termination (a timer, an activity) and, when they " +
        "arrive, replays the terminated instance past its termination, re-creating it after the purge and running its next step";

    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}
