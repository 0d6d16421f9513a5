using CartRecovery.RecoveryScenarios;

namespace CartRecovery.Functions.Tests.Recovery;

// The engine-neutral recovery scenarios (tests/Shared/Recovery) on Durable Functions' engine; CartRecovery.Server.Tests
// runs the same ones on the embedded runner.

public sealed class DurableSequenceScenarios : SequenceScenarios
{
    protected override string? EngineGap => Environment.GetEnvironmentVariable("CARTRECOVERY_DURABLE_SCENARIOS") == "1" ? null : DurableGaps.Unstable;

    protected override IReadOnlyDictionary<string, string> KnownGaps => new Dictionary<string, string>
    {
        [nameof(Signals_in_a_burst_are_all_applied_in_order_none_lost)] = DurableGaps.SignalLoss,
    };

    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurableStopScenarios : StopScenarios
{
    protected override string? EngineGap => Environment.GetEnvironmentVariable("CARTRECOVERY_DURABLE_SCENARIOS") == "1" ? null : DurableGaps.Unstable;

    protected override IReadOnlyDictionary<string, string> KnownGaps => new Dictionary<string, string>
    {
        [nameof(An_opt_out_stops_every_recovery_of_that_shopper_and_no_other)] = DurableGaps.SignalLoss,
        [nameof(An_emptied_cart_or_a_deleted_checkout_stops_the_recovery)] = DurableGaps.SignalLoss,
    };

    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurableMerchantScenarios : MerchantScenarios
{
    protected override string? EngineGap => Environment.GetEnvironmentVariable("CARTRECOVERY_DURABLE_SCENARIOS") == "1" ? null : DurableGaps.Unstable;

    protected override IReadOnlyDictionary<string, string> KnownGaps => new Dictionary<string, string>
    {
        [nameof(The_merchant_stops_a_recovery_and_restarts_it_from_its_first_step)] = DurableGaps.SignalLoss,
    };

    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurableFailureScenarios : FailureScenarios
{
    protected override string? EngineGap => Environment.GetEnvironmentVariable("CARTRECOVERY_DURABLE_SCENARIOS") == "1" ? null : DurableGaps.Unstable;

    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

public sealed class DurablePrivacyScenarios : PrivacyScenarios
{
    protected override string? EngineGap => Environment.GetEnvironmentVariable("CARTRECOVERY_DURABLE_SCENARIOS") == "1" ? null : DurableGaps.Unstable;

    protected override async Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings) => await DurableEngine.StartAsync(settings);
}

internal static class DurableGaps
{
    public const string Unstable = "The Durable scenario runs are not yet stable on this machine (signals intermittently not applied, a terminated instance's output read as state); run them with CARTRECOVERY_DURABLE_SCENARIOS=1 while this is investigated";

    public const string SignalLoss = "Intermittent on the in-process Durable engine: a signal raised right after a start or during a turn is sometimes not applied (under investigation, docs/workflow.md)";
}
