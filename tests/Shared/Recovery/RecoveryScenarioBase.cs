using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;

namespace CartRecovery.RecoveryScenarios;

/// <summary>
/// The base of the engine-neutral recovery scenarios: each engine's test project derives one class per scenario group and
/// says only how to start its engine. Groups are separate classes so the runner runs them in parallel (most of a scenario's
/// time is waiting for compressed timers).
/// </summary>
public abstract class RecoveryScenarioBase
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Starts the engine on tables of its own, with the recording step executor.</summary>
    protected abstract Task<IRecoveryEngine> StartEngineAsync(EngineSettings settings);

    /// <summary>Scenarios an engine does not pass reliably yet, by test method name, with the reason (reported as skipped, never as passed).</summary>
    protected virtual IReadOnlyDictionary<string, string> KnownGaps => new Dictionary<string, string>();

    protected async Task<IRecoveryEngine> StartAsync(RecoverySettings? storeSettings = null, EngineSettings? settings = null)
    {
        if (KnownGaps.TryGetValue(TestContext.Current.TestMethod?.MethodName ?? string.Empty, out var gap))
        {
            Assert.Skip(gap);
        }

        var engine = await StartEngineAsync(settings ?? new EngineSettings());
        await engine.Shops.SaveRecoverySettingsAsync(ScenarioData.Shop, storeSettings ?? ScenarioData.ThreeSteps, Ct);
        return engine;
    }

    protected static string IdOf(string cartKey) => WorkflowId.For(ScenarioData.Shop, cartKey).Value;

    protected static Task<SequenceSummary?> SummaryAsync(IRecoveryEngine engine, string id) => engine.Index.GetAsync(ScenarioData.Shop, id, Ct);

    protected static async Task<SequenceSummary> EndedAsync(IRecoveryEngine engine, string id)
    {
        await ScenarioData.EventuallyAsync(async () => (await SummaryAsync(engine, id))?.Status is RecoveryStatus.Completed or RecoveryStatus.Stopped, Patience, $"recovery {id} ended");
        return (await SummaryAsync(engine, id))!;
    }

    protected static Task EffectsAsync(IRecoveryEngine engine, string id, int count) =>
        ScenarioData.EventuallyAsync(async () => (await ScenarioData.EffectsAsync(engine.Tables, id)).Count >= count, Patience, $"{count} message(s) of {id} were sent");

    protected static async Task<IReadOnlyList<string>> SentAsync(IRecoveryEngine engine, string id) =>
        [.. (await ScenarioData.EffectsAsync(engine.Tables, id)).Select(e => e.StepId)];

    /// <summary>Every message was asked for exactly once (no retry of a successful step, no second instance).</summary>
    protected static async Task AssertEachKeyCalledOnceAsync(IRecoveryEngine engine) =>
        Assert.All(await ScenarioData.CallsPerKeyAsync(engine.Tables), pair => Assert.True(pair.Value == 1, $"{pair.Key} was called {pair.Value} times"));
}
