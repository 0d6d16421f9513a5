using System.Text.Json;
using CartRecovery.Core.Workflow;
using static CartRecovery.RecoveryScenarios.ScenarioData;

namespace CartRecovery.RecoveryScenarios;

/// <summary>The merchant stops and restarts a recovery through the API handlers both hosts map.</summary>
public abstract class MerchantScenarios : RecoveryScenarioBase
{
    private static readonly IEqualityComparer<IReadOnlyList<string>> SequenceComparer =
        EqualityComparer<IReadOnlyList<string>>.Create((a, b) => a!.SequenceEqual(b!), l => l.Count);

    [Fact]
    public async Task The_merchant_stops_a_recovery_and_restarts_it_from_its_first_step()
    {
        await using var engine = await StartAsync();
        var id = IdOf("merchant");
        await engine.Workflows.StartAsync(Cart("merchant"), DateTimeOffset.UtcNow, Ct);
        await EffectsAsync(engine, id, 1);

        var stop = await engine.Sequences.StopAsync(MerchantRequest("POST", id, """{"reason":"customer called"}"""), Ct);
        Assert.Equal(202, stop.Status);
        var stopped = await EndedAsync(engine, id);
        Assert.Equal((RecoveryStatus.Stopped, StopReason.MerchantStopped, "customer called"), (stopped.Status, stopped.StopReason, stopped.StopNote));
        Assert.Equal(409, (await engine.Sequences.StopAsync(MerchantRequest("POST", id, """{"reason":"again"}"""), Ct)).Status);

        var restartedAt = DateTimeOffset.UtcNow;
        var restart = await engine.Sequences.RestartAsync(MerchantRequest("POST", id), Ct);
        Assert.Equal(202, restart.Status);
        await ScenarioData.EventuallyAsync(async () => (await SummaryAsync(engine, id))?.Status == RecoveryStatus.Completed, Patience, "the restarted recovery completed");

        // Before the stop: s1, and s2 too when the stop came only after its due time (a loaded machine); nothing after the stop.
        var effects = await ScenarioData.EffectsAsync(engine.Tables, id);
        var firstRun = effects.TakeWhile(e => !e.StepId.EndsWith(".r1", StringComparison.Ordinal)).ToList();
        Assert.Contains(firstRun.Select(e => e.StepId).ToList(), new List<IReadOnlyList<string>> { new[] { "s1" }, new[] { "s1", "s2" } }, SequenceComparer);
        Assert.All(firstRun, e => Assert.True(e.At <= stopped.EndedAt, $"{e.StepId} was sent after the stop"));
        Assert.Equal(["s1.r1", "s2.r1", "s3.r1"], effects.Skip(firstRun.Count).Select(e => e.StepId));
        Assert.True(effects[firstRun.Count].At >= restartedAt.AddSeconds(1), "the restarted run counts its delays from the restart");
        var read = await engine.Sequences.GetAsync(MerchantRequest("GET", id), Ct);
        Assert.Equal(200, read.Status);
        Assert.Equal("completed", JsonDocument.Parse(read.Body).RootElement.GetProperty("status").GetString());
        await AssertEachKeyCalledOnceAsync(engine);
    }

    [Fact]
    public async Task A_purchased_recovery_is_not_restarted()
    {
        await using var engine = await StartAsync();
        var id = IdOf("bought");
        await engine.Workflows.StartAsync(Cart("bought"), DateTimeOffset.UtcNow, Ct);
        await engine.Workflows.SignalAsync(new WorkflowId(id), new OrderPlaced(DateTimeOffset.UtcNow, 1, 80m, "EUR", [], null), Ct);
        await EndedAsync(engine, id);

        Assert.Equal(409, (await engine.Sequences.RestartAsync(MerchantRequest("POST", id), Ct)).Status);
        await engine.Workflows.SignalAsync(new WorkflowId(id), new MerchantRestart(DateTimeOffset.UtcNow), Ct); // past the handler: the engine refuses too

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(StopReason.Purchased, (await SummaryAsync(engine, id))!.StopReason);
        Assert.Empty(await SentAsync(engine, id));
    }
}
