using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using static CartRecovery.RecoveryScenarios.ScenarioData;

namespace CartRecovery.RecoveryScenarios;

/// <summary>Everything that ends a recovery early, and that nothing is sent after it.</summary>
public abstract class StopScenarios : RecoveryScenarioBase
{
    [Fact]
    public async Task An_order_stops_the_recovery_and_nothing_is_sent_after_it()
    {
        await using var engine = await StartAsync();
        var id = IdOf("order");
        await engine.Workflows.StartAsync(Cart("order"), DateTimeOffset.UtcNow, Ct);
        await EffectsAsync(engine, id, 1);

        await engine.Workflows.SignalAsync(new WorkflowId(id), new OrderPlaced(DateTimeOffset.UtcNow, 42, 80m, "EUR", [], null), Ct);

        var summary = await EndedAsync(engine, id);
        Assert.Equal((RecoveryStatus.Stopped, StopReason.Purchased), (summary.Status, summary.StopReason));
        await AssertNothingAfterAsync(engine, id, summary);
        Assert.Equal(["s1"], await SentAsync(engine, id));
    }

    [Fact]
    public async Task An_opt_out_stops_every_recovery_of_that_shopper_and_no_other()
    {
        await using var engine = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        await engine.Workflows.StartAsync(Cart("opt-a", customerId: 7), now, Ct);
        await engine.Workflows.StartAsync(Cart("opt-b", customerId: 7), now, Ct);
        await engine.Workflows.StartAsync(Cart("opt-c", email: "other@example.com", customerId: 8), now, Ct);

        // At once: an opt-out right after the carts were abandoned must still reach both of the shopper's recoveries.
        await engine.Workflows.SignalCustomerAsync(Shop, "id:7", new OptedOut(DateTimeOffset.UtcNow, null), Ct);
        var signalled = DateTimeOffset.UtcNow;

        Assert.Equal(RecoveryStatus.Completed, (await EndedAsync(engine, IdOf("opt-c"))).Status);
        foreach (var cart in new[] { "opt-a", "opt-b" })
        {
            var summary = await EndedAsync(engine, IdOf(cart));
            Assert.Equal((RecoveryStatus.Stopped, StopReason.OptedOut), (summary.Status, summary.StopReason));
            Assert.All(await ScenarioData.EffectsAsync(engine.Tables, IdOf(cart)), e => Assert.True(e.At <= summary.EndedAt, $"{e.StepId} was sent after the opt-out"));

            // On a loaded machine the starts and the opt-out can take longer than s1's one second; when they did not, s1 was
            // due only after the opt-out and must not have been sent at all.
            if (signalled < now.AddSeconds(1))
            {
                var sent = await ScenarioData.EffectsAsync(engine.Tables, IdOf(cart));
                Assert.True(sent.Count == 0, $"{string.Join(", ", sent.Select(e => $"{e.StepId} at +{(e.At - now).TotalMilliseconds:0} ms"))} sent although the opt-out was raised at +{(signalled - now).TotalMilliseconds:0} ms and applied at +{(summary.EndedAt!.Value - now).TotalMilliseconds:0} ms");
            }
        }
    }

    [Fact]
    public async Task An_emptied_cart_or_a_deleted_checkout_stops_the_recovery()
    {
        await using var engine = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        await engine.Workflows.StartAsync(Cart("emptied"), now, Ct);
        await engine.Workflows.StartAsync(Cart("deleted"), now, Ct);
        await EffectsAsync(engine, IdOf("emptied"), 1);

        await engine.Workflows.SignalAsync(new WorkflowId(IdOf("emptied")), new CartUpdated(DateTimeOffset.UtcNow, Cart("emptied", lines: 0)), Ct);
        var emptiedAt = DateTimeOffset.UtcNow;
        await engine.Workflows.SignalAsync(new WorkflowId(IdOf("deleted")), new CartGone(DateTimeOffset.UtcNow), Ct);

        foreach (var cart in new[] { "emptied", "deleted" })
        {
            var summary = await EndedAsync(engine, IdOf(cart));
            Assert.Equal((RecoveryStatus.Stopped, StopReason.CartGone), (summary.Status, summary.StopReason));
            await AssertNothingAfterAsync(engine, IdOf(cart), summary);
        }

        // s2 falls due two seconds after abandonment; on a loaded machine waiting for s1 and signalling can take longer.
        if (emptiedAt < now.AddSeconds(2))
        {
            Assert.DoesNotContain("s2", await SentAsync(engine, IdOf("emptied")));
        }
    }

    [Fact]
    public async Task A_recovery_expires_and_sends_nothing_after_its_expiry()
    {
        // At a time scale of 1200: s1 at 3 s, s2 at 6 s, expiry at 2.9 hours (8.7 s), s3 (9 s) never. The margins are wide so a
        // loaded machine does not wake the engine for s2 only after the expiry (a step overdue past the expiry is not sent).
        await using var engine = await StartAsync(ThreeSteps with { Expiry = TimeSpan.FromHours(2.9) }, new EngineSettings(TimeScale: 1200));
        var id = IdOf("expiring");
        await engine.Workflows.StartAsync(Cart("expiring"), DateTimeOffset.UtcNow, Ct);

        var summary = await EndedAsync(engine, id);
        Assert.Equal((RecoveryStatus.Stopped, StopReason.Expired), (summary.Status, summary.StopReason));
        await Task.Delay(TimeSpan.FromSeconds(2), Ct); // past s3's due time
        Assert.Equal(["s1", "s2"], await SentAsync(engine, id));
    }

    [Fact]
    public async Task Uninstalling_the_app_stops_every_recovery_of_the_store()
    {
        await using var engine = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        await engine.Workflows.StartAsync(Cart("shop-a", customerId: 1), now, Ct);
        await engine.Workflows.StartAsync(Cart("shop-b", email: "b@example.com", customerId: 2), now, Ct);

        await engine.Workflows.SignalShopAsync(Shop, new StoreRemoved(DateTimeOffset.UtcNow), Ct);

        foreach (var cart in new[] { "shop-a", "shop-b" })
        {
            var summary = await EndedAsync(engine, IdOf(cart));
            Assert.Equal((RecoveryStatus.Stopped, StopReason.StoreRemoved), (summary.Status, summary.StopReason));
            await AssertNothingAfterAsync(engine, IdOf(cart), summary);
        }
    }

    /// <summary>Waits past every remaining step's due time, then checks nothing was sent after the recovery ended.</summary>
    private static async Task AssertNothingAfterAsync(IRecoveryEngine engine, string id, SequenceSummary ended)
    {
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.All(await ScenarioData.EffectsAsync(engine.Tables, id), e => Assert.True(e.At <= ended.EndedAt, $"{e.StepId} was sent after the recovery ended"));
        Assert.Equal(ended.Status, (await SummaryAsync(engine, id))!.Status);
    }
}
