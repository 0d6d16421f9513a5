using CartRecovery.Core.Privacy;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Server.Workflow;
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
        var holder = env.Services.GetServices<IPersonalDataHolder>().OfType<WorkflowPersonalData>().Single();
        var customer = new CustomerRef(7, "ada@example.com", null);

        var exported = await holder.ExportCustomerAsync(Shop, customer, ct);
        await holder.EraseCustomerAsync(Shop, customer, ct);

        Assert.Equal(["p-1", "p-2"], exported.Cast<SequenceSummary>().Select(s => s.CartKey).Order());
        Assert.Null(await env.Index.GetAsync(Shop, WorkflowId.For(Shop, "p-1").Value, ct));
        Assert.Null(await env.Index.GetAsync(Shop, WorkflowId.For(Shop, "p-2").Value, ct));
        Assert.NotNull(await env.Index.GetAsync(Shop, WorkflowId.For(Shop, "p-3").Value, ct));
        var workflows = await env.Tables.GetAsync(WorkflowStore.WorkflowsTable, ct);
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
        var holder = env.Services.GetServices<IPersonalDataHolder>().OfType<WorkflowPersonalData>().Single();

        await holder.EraseShopAsync(Shop, ct);

        Assert.Empty((await env.Index.ListAsync(Shop, null, null, 50, ct)).Items);
        Assert.Single((await env.Index.ListAsync("kept.myshopify.com", null, null, 50, ct)).Items);
    }
}
