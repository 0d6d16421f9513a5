using CartRecovery.RecoveryScenarios;

namespace CartRecovery.Server.Tests.Recovery;

// The engine-neutral recovery scenarios (tests/Shared/Recovery) on the embedded runner; CartRecovery.Functions.Tests runs
// the same ones on Durable Functions' engine.

public sealed class EmbeddedSequenceScenarios : SequenceScenarios
{
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await EmbeddedEngine.StartAsync(settings);
}

public sealed class EmbeddedStopScenarios : StopScenarios
{
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await EmbeddedEngine.StartAsync(settings);
}

public sealed class EmbeddedMerchantScenarios : MerchantScenarios
{
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await EmbeddedEngine.StartAsync(settings);
}

public sealed class EmbeddedFailureScenarios : FailureScenarios
{
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await EmbeddedEngine.StartAsync(settings);
}

public sealed class EmbeddedPrivacyScenarios : PrivacyScenarios
{
    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await EmbeddedEngine.StartAsync(settings);
}
