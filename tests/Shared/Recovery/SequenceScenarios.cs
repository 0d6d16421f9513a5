using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using static CartRecovery.RecoveryScenarios.ScenarioData;

namespace CartRecovery.RecoveryScenarios;

/// <summary>A recovery running its sequence: order, timing, one instance per cart, cart changes, a flood of signals.</summary>
public abstract class SequenceScenarios : RecoveryScenarioBase
{
    [Fact]
    public async Task The_default_sequence_runs_every_step_in_order_each_message_exactly_once_never_before_it_is_due()
    {
        // The preset sequence (popup 1 h, email 2 h, 24 h, 48 h, 72 h), every step eligible: a high-value cart, incentives on.
        const double scale = 36_000; // 72 hours in 7.2 seconds
        await using var engine = await StartAsync(RecoveryPresets.Defaults with { IncentivesEnabled = true }, new EngineSettings(TimeScale: scale));
        var abandonedAt = DateTimeOffset.UtcNow;

        await engine.Workflows.StartAsync(Cart("default", total: 800m), abandonedAt, Ct);

        var summary = await EndedAsync(engine, IdOf("default"));
        Assert.Equal(RecoveryStatus.Completed, summary.Status);
        Assert.Equal([.. RecoveryPresets.Standard.Select(s => s.Id)], summary.Steps.Select(s => s.StepId));
        Assert.All(summary.Steps, s => Assert.Equal(StepStatus.Sent, s.Status));
        var effects = await ScenarioData.EffectsAsync(engine.Tables, IdOf("default"));
        Assert.Equal([.. RecoveryPresets.Standard.Select(s => s.Id)], effects.Select(e => e.StepId));
        foreach (var (effect, step) in effects.Zip(RecoveryPresets.Standard))
        {
            Assert.True(effect.At >= abandonedAt + RecoveryState.Scale(step.Delay, scale), $"{step.Id} was sent before it was due");
        }

        await AssertEachKeyCalledOnceAsync(engine);
    }

    [Fact]
    public async Task A_second_start_for_the_same_cart_reaches_the_running_recovery_instead_of_starting_another()
    {
        await using var engine = await StartAsync();
        var id = IdOf("twice");
        var abandonedAt = DateTimeOffset.UtcNow;

        await engine.Workflows.StartAsync(Cart("twice"), abandonedAt, Ct);
        await engine.Workflows.StartAsync(Cart("twice"), abandonedAt, Ct);
        await EffectsAsync(engine, id, 1);
        await engine.Workflows.StartAsync(Cart("twice"), DateTimeOffset.UtcNow, Ct); // abandoned again while running

        var summary = await EndedAsync(engine, id);
        Assert.Equal(RecoveryStatus.Completed, summary.Status);
        Assert.Equal(["s1", "s2", "s3"], await SentAsync(engine, id));
        Assert.Equal(["s1", "s2", "s3"], summary.Steps.Select(s => s.StepId));
        await AssertEachKeyCalledOnceAsync(engine);
    }

    [Fact]
    public async Task A_changed_cart_continues_the_sequence_with_the_new_contents()
    {
        await using var engine = await StartAsync();
        var id = IdOf("changed");
        await engine.Workflows.StartAsync(Cart("changed"), DateTimeOffset.UtcNow, Ct);
        await EffectsAsync(engine, id, 1);

        await engine.Workflows.SignalAsync(new WorkflowId(id), new CartUpdated(DateTimeOffset.UtcNow, Cart("changed", total: 120m, lines: 2)), Ct);

        var summary = await EndedAsync(engine, id);
        Assert.Equal(RecoveryStatus.Completed, summary.Status);
        Assert.Equal(120m, summary.CartValue);
        Assert.Equal(["s1", "s2", "s3"], await SentAsync(engine, id));
        await AssertEachKeyCalledOnceAsync(engine);
    }

    [Fact]
    public async Task A_changed_cart_restarts_the_sequence_where_the_store_says_so()
    {
        await using var engine = await StartAsync(ThreeSteps with { RestartOnCartChange = true });
        var id = IdOf("restarted");
        await engine.Workflows.StartAsync(Cart("restarted"), DateTimeOffset.UtcNow, Ct);
        await EffectsAsync(engine, id, 1);

        var changedAt = DateTimeOffset.UtcNow;
        await engine.Workflows.SignalAsync(new WorkflowId(id), new CartUpdated(changedAt, Cart("restarted", total: 120m, lines: 2)), Ct);

        var summary = await EndedAsync(engine, id);
        Assert.Equal(RecoveryStatus.Completed, summary.Status);
        var effects = await ScenarioData.EffectsAsync(engine.Tables, id);
        Assert.Equal(["s1", "s1.r1", "s2.r1", "s3.r1"], effects.Select(e => e.StepId));
        Assert.True(effects[1].At >= changedAt.AddSeconds(1), "the restarted run counts its delays from the change");
        await AssertEachKeyCalledOnceAsync(engine);
    }

    /// <summary>
    /// Many signals in a row, then an order. On Durable Functions each signal is a turn and the orchestration continues as new
    /// after its turn limit, so signals arrive while it does: none may be lost (each engagement is in the final state, and
    /// the order that came last still stops the recovery).
    /// </summary>
    [Fact]
    public async Task Signals_in_a_burst_are_all_applied_in_order_none_lost()
    {
        // One step, far enough out (20 s) that the burst is over long before it.
        await using var engine = await StartAsync(ThreeSteps with
        {
            Sequences = new Dictionary<string, IReadOnlyList<StepDefinition>>
            {
                [SequenceKeys.Default] = [new("late", TimeSpan.FromHours(20), Core.Messaging.Channel.Email, Core.Messaging.MessageIntent.HelpfulReminder)],
            },
        });
        var id = IdOf("burst");
        await engine.Workflows.StartAsync(Cart("burst"), DateTimeOffset.UtcNow, Ct);

        var engaged = Enumerable.Range(1, 45).Select(i => $"x{i:D2}").ToList();
        foreach (var stepId in engaged)
        {
            await engine.Workflows.SignalAsync(new WorkflowId(id), new MessageEngaged(DateTimeOffset.UtcNow, stepId, false), Ct);
        }

        await engine.Workflows.SignalAsync(new WorkflowId(id), new OrderPlaced(DateTimeOffset.UtcNow, 42, 80m, "EUR", [], null), Ct);

        var summary = await EndedAsync(engine, id);
        Assert.Equal((RecoveryStatus.Stopped, StopReason.Purchased), (summary.Status, summary.StopReason));

        // The read model is written before the engine's own copy settles (Durable: the orchestration returns its state an
        // episode after the summary activity; until then a running instance shows only the input of its execution).
        RecoveryState? state = null;
        await ScenarioData.EventuallyAsync(async () => (state = await engine.EngineStateAsync(id, Ct))?.IsEnded == true, Patience, "the engine holds the ended state");
        Assert.NotNull(state);
        Assert.Equal(engaged, state.Engaged);
        Assert.Empty(await SentAsync(engine, id));
    }
}
