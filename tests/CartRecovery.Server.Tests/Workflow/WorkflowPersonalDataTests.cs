using CartRecovery.Core.Privacy;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Server.Workflow;
using CartRecovery.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>The privacy webhooks reach recoveries: a customer's are exported and erased, nobody else's.</summary>
public sealed class WorkflowPersonalDataTests
{
    [Fact]
    public async Task A_customer_is_exported_and_erased_by_id_or_email_and_others_are_kept()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await env.Workflows.StartAsync(Cart("p-1", customerId: 7), DateTimeOffset.UtcNow, ct);
        await env.Workflows.StartAsync(Cart("p-2", email: "Ada@Example.com"), DateTimeOffset.UtcNow, ct);
        await env.Workflows.StartAsync(Cart("p-3", email: "other@example.com", customerId: 8), DateTimeOffset.UtcNow, ct);
        var holder = Holder(env);
        var customer = new CustomerRef(7, "ada@example.com", null);

        var exported = await holder.ExportCustomerAsync(Shop, customer, ct);
        await holder.EraseCustomerAsync(Shop, customer, ct);

        Assert.Equal(["p-1", "p-2"], exported.Cast<SequenceSummary>().Select(s => s.CartKey).Order());
        Assert.Null(await env.Index.GetAsync(Shop, WorkflowId.For(Shop, "p-1").Value, ct));
        Assert.Null(await env.Index.GetAsync(Shop, WorkflowId.For(Shop, "p-2").Value, ct));
        Assert.NotNull(await env.Index.GetAsync(Shop, WorkflowId.For(Shop, "p-3").Value, ct));
        var workflows = await env.Tables.GetAsync(TableWorkflows.WorkflowsTable, ct);
        Assert.Null(await workflows.GetEntityIfExistsAsync(WorkflowId.For(Shop, "p-1").Value, WorkflowId.For(Shop, "p-1").Value, cancellationToken: ct));
        Assert.NotNull(await workflows.GetEntityIfExistsAsync(WorkflowId.For(Shop, "p-3").Value, WorkflowId.For(Shop, "p-3").Value, cancellationToken: ct));
    }

    [Fact]
    public async Task Erasing_a_shop_removes_all_its_recoveries()
    {
        using var env = await RunnerEnvironment.CreateAsync();
        var ct = TestContext.Current.CancellationToken;
        await env.Workflows.StartAsync(Cart("s-1"), DateTimeOffset.UtcNow, ct);
        await env.Workflows.StartAsync(Cart("s-2"), DateTimeOffset.UtcNow, ct);
        await env.Workflows.StartAsync(Cart("s-3", shop: "kept.myshopify.com"), DateTimeOffset.UtcNow, ct);
        var holder = Holder(env);

        await holder.EraseShopAsync(Shop, ct);

        Assert.Empty((await env.Index.ListAsync(Shop, null, null, 50, ct)).Items);
        Assert.Single((await env.Index.ListAsync("kept.myshopify.com", null, null, 50, ct)).Items);
    }

    [Theory]
    [InlineData(false)] // a wake-up with nothing to do, which only rewrites the summary
    [InlineData(true)] // a wake-up that applied a signal and saved the state before the erasure
    public async Task A_runner_that_read_a_recovery_before_its_erasure_does_not_write_its_summary_back(bool withSignal)
    {
        using var env = await RunnerEnvironment.CreateAsync(timeScale: 1); // no step falls due during the test
        var ct = TestContext.Current.CancellationToken;
        await env.Workflows.StartAsync(Cart("race-1", customerId: 7), DateTimeOffset.UtcNow, ct);
        var id = WorkflowId.For(Shop, "race-1");
        if (withSignal)
        {
            await env.Workflows.SignalAsync(id, new MerchantStop(DateTimeOffset.UtcNow, "stopped"), ct);
        }

        var gated = new GatedSequenceIndex(env.Index);
        var wakeUp = env.Processor(gated).ProcessAsync(id.Value, ct);
        await gated.Reached.WaitAsync(ct); // the runner has read (and saved) the workflow and is about to write its summary
        await Holder(env).EraseCustomerAsync(Shop, new CustomerRef(7, null, null), ct);
        gated.Open();
        await wakeUp;

        Assert.Null(await env.Index.GetAsync(Shop, id.Value, ct));
        Assert.Empty(await Holder(env).ExportCustomerAsync(Shop, new CustomerRef(7, null, null), ct));
    }

    [Fact]
    public async Task A_wake_up_writes_the_summary_a_crash_left_unwritten()
    {
        using var env = await RunnerEnvironment.CreateAsync(timeScale: 1);
        var ct = TestContext.Current.CancellationToken;
        await env.Workflows.StartAsync(Cart("unwritten-1", customerId: 7), DateTimeOffset.UtcNow, ct);
        var id = WorkflowId.For(Shop, "unwritten-1").Value;
        await env.Index.DeleteAsync(Shop, id, ct); // as if the process died between saving the state and writing its summary

        await env.Processor().ProcessAsync(id, ct);

        Assert.Equal(RecoveryStatus.Active, (await env.Index.GetAsync(Shop, id, ct))?.Status);
    }

    private static IPersonalDataHolder Holder(RunnerEnvironment env) => env.Services.GetServices<IPersonalDataHolder>().OfType<RecoveryPersonalData>().Single();
}
