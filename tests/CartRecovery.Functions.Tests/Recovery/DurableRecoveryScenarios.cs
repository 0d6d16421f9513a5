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
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}
