using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.RunnerHost;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Storage;
using Microsoft.Extensions.DependencyInjection;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>The embedded runner inside the real server, on Azurite, with 1 hour compressed to 1 second.</summary>
public sealed class RunnerEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Runs_every_step_once_in_order_never_before_it_is_due()
    {
        await using var host = await StartAsync();
        var cart = Cart("e2e-1");
        var abandonedAt = DateTimeOffset.UtcNow;

        await Workflows(host).StartAsync(cart, abandonedAt, Ct);
        await Workflows(host).StartAsync(cart, abandonedAt, Ct); // a second abandonment of the same cart changes nothing
        var id = WorkflowId.For(Shop, "e2e-1").Value;
        await EventuallyAsync(async () => (await SummaryAsync(host, id))?.Status == RecoveryStatus.Completed, Patience, "the recovery completed");

        var effects = await EffectsAsync(Tables(host), id);
        Assert.Equal(["s1", "s2", "s3"], effects.Select(e => e.StepId));
        Assert.Equal([$"{Shop}|e2e-1|s1|email", $"{Shop}|e2e-1|s2|popup", $"{Shop}|e2e-1|s3|email"], effects.Select(e => e.Key));
        Assert.All(effects, e => Assert.InRange(e.At, abandonedAt.AddSeconds(e.StepIndex + 1), abandonedAt.AddSeconds(e.StepIndex + 6)));
        Assert.All((await CallsPerKeyAsync(Tables(host))).Values, calls => Assert.Equal(1, calls));
    }

    [Fact]
    public async Task An_order_stops_the_recovery_and_nothing_is_sent_after_it()
    {
        await using var host = await StartAsync();
        var id = WorkflowId.For(Shop, "e2e-order");
        await Workflows(host).StartAsync(Cart("e2e-order"), DateTimeOffset.UtcNow, Ct);
        await EventuallyAsync(async () => (await EffectsAsync(Tables(host), id.Value)).Count == 1, Patience, "the first step ran");

        await Workflows(host).SignalAsync(id, new OrderPlaced(DateTimeOffset.UtcNow, 42, 80m, "EUR", [], null), Ct);

        await EventuallyAsync(async () => (await SummaryAsync(host, id.Value))?.Status == RecoveryStatus.Stopped, Patience, "the recovery stopped");
        await Task.Delay(TimeSpan.FromSeconds(3), Ct); // past every remaining step's due time
        var summary = (await SummaryAsync(host, id.Value))!;
        Assert.Equal(StopReason.Purchased, summary.StopReason);
        Assert.All(await EffectsAsync(Tables(host), id.Value), e => Assert.True(e.At <= summary.EndedAt, $"{e.StepId} was sent after the purchase"));
    }

    [Fact]
    public async Task A_customer_opt_out_stops_every_cart_of_that_customer_only()
    {
        await using var host = await StartAsync();
        var workflows = Workflows(host);
        var now = DateTimeOffset.UtcNow;
        await workflows.StartAsync(Cart("opt-a", customerId: 7), now, Ct);
        await workflows.StartAsync(Cart("opt-b", customerId: 7), now, Ct);
        await workflows.StartAsync(Cart("opt-c", email: "other@example.com", customerId: 8), now, Ct);

        await workflows.SignalCustomerAsync(Shop, "id:7", new OptedOut(DateTimeOffset.UtcNow, null), Ct);

        await EventuallyAsync(async () => (await SummaryAsync(host, WorkflowId.For(Shop, "opt-c").Value))?.Status == RecoveryStatus.Completed, Patience, "the other customer's recovery completed");
        foreach (var cart in new[] { "opt-a", "opt-b" })
        {
            var summary = (await SummaryAsync(host, WorkflowId.For(Shop, cart).Value))!;
            Assert.Equal((RecoveryStatus.Stopped, StopReason.OptedOut), (summary.Status, summary.StopReason));
            Assert.Empty(await EffectsAsync(Tables(host), summary.Id));
        }
    }

    [Fact]
    public async Task A_step_that_keeps_failing_is_retried_then_recorded_failed_and_the_sequence_goes_on()
    {
        await using var host = await StartAsync(services => services.AddSingleton<IStepExecutor>(sp =>
            new RecordingStepExecutor(sp.GetRequiredService<StorageTables>(), TimeProvider.System) { AlwaysFailStepId = "s2" }));
        var id = WorkflowId.For(Shop, "e2e-fail").Value;

        await Workflows(host).StartAsync(Cart("e2e-fail"), DateTimeOffset.UtcNow, Ct);

        await EventuallyAsync(async () => (await SummaryAsync(host, id))?.Status == RecoveryStatus.Completed, Patience, "the recovery completed");
        var summary = (await SummaryAsync(host, id))!;
        var failed = summary.Steps.Single(s => s.StepId == "s2");
        Assert.Equal(StepStatus.Failed, failed.Status);
        Assert.Contains("provider unavailable", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(3, (await CallsPerKeyAsync(Tables(host)))[$"{Shop}|e2e-fail|s2|popup"]);
        Assert.Equal(["s1", "s3"], (await EffectsAsync(Tables(host), id)).Select(e => e.StepId));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The server with an executor that records each step's effect (unless the test brings its own).</summary>
    private static async Task<ServerHost> StartAsync(Action<IServiceCollection>? services = null)
    {
        var host = await ServerHost.StartAsync(FastRunnerSettings(), services ?? (s => s.AddSingleton<IStepExecutor>(sp =>
            new RecordingStepExecutor(sp.GetRequiredService<StorageTables>(), TimeProvider.System))));
        await host.Services.GetRequiredService<Core.Shops.IShopRepository>().SaveRecoverySettingsAsync(Shop, ThreeSteps, Ct);
        return host;
    }

    private static IRecoveryWorkflows Workflows(ServerHost host) => host.Services.GetRequiredService<IRecoveryWorkflows>();

    private static StorageTables Tables(ServerHost host) => host.Services.GetRequiredService<StorageTables>();

    private static Task<SequenceSummary?> SummaryAsync(ServerHost host, string id) =>
        host.Services.GetRequiredService<ISequenceIndex>().GetAsync(Shop, id, Ct);
}
