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
    // Seen once in four runs on a loaded machine, so the loss is not Durable's alone: see docs/workflow.md (Durable scenarios).
    protected override IReadOnlyDictionary<string, string> KnownGaps => new Dictionary<string, string>
    {
        [nameof(An_emptied_cart_or_a_deleted_checkout_stops_the_recovery)] = Gap,
        [nameof(Uninstalling_the_app_stops_every_recovery_of_the_store)] = Gap,
    };

    private const string Gap = "Intermittent on the embedded runner too: a signal raised right after a start or a step was not applied (the recovery completed); under investigation, docs/workflow.md";

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
