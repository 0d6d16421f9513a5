using CartRecovery.Core.Carts;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Webhooks;

public sealed class AbandonmentSweeperTests
{
    private const string Shop = WebhookStorage.Shop;
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkout_is_handed_over_exactly_at_the_threshold_and_only_once()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-t", t0));

        Assert.Equal(t0 + Hour, await s.Sweeper.RunOnceAsync(t0 + Hour - TimeSpan.FromSeconds(1), Cancel));
        Assert.Empty(s.Workflows.Starts);

        Assert.Null(await s.Sweeper.RunOnceAsync(t0 + Hour, Cancel));
        var start = Assert.Single(s.Workflows.Starts);
        Assert.Equal(("ck-t", t0 + Hour), (start.Cart.CartKey, start.AbandonedAt));
        Assert.Equal(CartKind.Checkout, start.Cart.Kind);
        Assert.NotNull((await s.CheckoutAsync("ck-t")).Cart.WorkflowStartedAt);

        await s.Sweeper.RunOnceAsync(t0 + Hour + Hour, Cancel);
        Assert.Single(s.Workflows.Starts);
    }

    [Fact]
    public async Task Activity_before_the_threshold_moves_the_abandonment()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-m", t0));
        await s.DeliverAsync("checkouts/update", ShopifyPayloads.Checkout("ck-m", t0.AddMinutes(40)));

        Assert.Equal(t0.AddMinutes(100), await s.Sweeper.RunOnceAsync(t0 + Hour, Cancel));
        Assert.Empty(s.Workflows.Starts);
        await s.Sweeper.RunOnceAsync(t0.AddMinutes(100), Cancel);
        Assert.Single(s.Workflows.Starts);
    }

    [Fact]
    public async Task Store_threshold_overrides_the_default()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.Shops.SaveRecoverySettingsAsync(Shop, RecoveryPresets.Defaults with { AbandonmentThreshold = TimeSpan.FromMinutes(15) }, Cancel);
        await s.DeliverAsync("carts/create", ShopifyPayloads.Cart("cart-15", t0));

        await s.Sweeper.RunOnceAsync(t0.AddMinutes(15), Cancel);
        var start = Assert.Single(s.Workflows.Starts);
        Assert.Equal(CartKind.Cart, start.Cart.Kind);
        Assert.Equal(t0.AddMinutes(15), start.AbandonedAt);
    }

    [Fact]
    public async Task Operator_default_applies_to_stores_that_kept_the_preset()
    {
        var s = await WebhookStorage.CreateAsync(threshold: TimeSpan.FromMinutes(30));
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-30", t0));

        Assert.Equal(t0.AddMinutes(30), (await s.CheckoutAsync("ck-30")).DueAt);
    }

    [Fact]
    public async Task A_store_that_chose_the_preset_value_keeps_it_whatever_the_operator_default()
    {
        var s = await WebhookStorage.CreateAsync(threshold: TimeSpan.FromMinutes(30));
        var t0 = s.Time.GetUtcNow();
        await s.Shops.SaveRecoverySettingsAsync(Shop, RecoveryPresets.Defaults with { AbandonmentThreshold = TimeSpan.FromMinutes(60) }, Cancel);
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-60", t0));

        Assert.Equal(t0.AddMinutes(60), (await s.CheckoutAsync("ck-60")).DueAt);
        Assert.Equal(TimeSpan.FromMinutes(30), (await s.Shops.GetAsync("unsaved.myshopify.com", Cancel)).Recovery.AbandonmentThreshold);
    }

    [Fact]
    public async Task Checkout_without_contact_or_with_an_order_is_never_handed_over()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-anon", t0, email: null, customerId: null, phone: null));
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-bought", t0, customerId: 5));
        await s.DeliverAsync("orders/create", ShopifyPayloads.Order(5, "ck-bought", null, t0.AddMinutes(30), customerId: 5));

        Assert.Null(await s.Sweeper.RunOnceAsync(t0.AddDays(2), Cancel));
        Assert.Empty(s.Workflows.Starts);
    }

    [Fact]
    public async Task A_crash_between_marking_and_handing_over_is_finished_after_restart()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-crash", t0));
        var loaded = await s.CheckoutAsync("ck-crash");
        // What a crash right after the mark leaves: the cart marked started, its due entry still there, no workflow.
        await s.Carts.TryWriteAsync(loaded with { DueAt = null }, loaded.Cart with { WorkflowStartedAt = t0 + Hour }, Cancel);
        Assert.Single(await s.Due.DueAsync(t0 + Hour, 10, Cancel));

        var restarted = s.NewSweeper(s.Workflows);
        Assert.Null(await restarted.RunOnceAsync(t0 + Hour + TimeSpan.FromMinutes(5), Cancel));

        Assert.Equal("ck-crash", Assert.Single(s.Workflows.NewStarts).Cart.CartKey);
        Assert.Empty(await s.Due.DueAsync(t0.AddDays(1), 10, Cancel));
    }

    [Fact]
    public async Task Update_racing_the_start_reaches_the_new_workflow()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.DeliverAsync("checkouts/create", ShopifyPayloads.Checkout("ck-racing", t0, lines: 1));
        var racing = new RacingWorkflows(s.Workflows, async () => await s.DeliverAsync("checkouts/update", ShopifyPayloads.Checkout("ck-racing", t0 + Hour, lines: 5)));
        var sweeper = s.NewSweeper(racing);

        await sweeper.RunOnceAsync(t0 + Hour, Cancel);

        Assert.Single(s.Workflows.Starts);
        // The update's own signal reached no workflow (it was not started yet); the catch-up after the start delivers it.
        Assert.Contains(s.Workflows.SignalsTo(Shop, "ck-racing"), x => x is CartUpdated);
        Assert.Contains(s.Workflows.DeliveredSignalsTo(Shop, "ck-racing"), x => x is CartUpdated { Cart.Lines.Count: 5 });
    }

    /// <summary>Lets an update land while the start is in flight, as a concurrent webhook would.</summary>
    private sealed class RacingWorkflows(RecordingRecoveryWorkflows inner, Func<Task> duringStart) : IRecoveryWorkflows
    {
        public async Task StartAsync(CartSnapshot abandoned, DateTimeOffset abandonedAt, CancellationToken cancellationToken)
        {
            await duringStart();
            await inner.StartAsync(abandoned, abandonedAt, cancellationToken);
        }

        public Task SignalAsync(WorkflowId id, RecoverySignal signal, CancellationToken cancellationToken) => inner.SignalAsync(id, signal, cancellationToken);

        public Task SignalCustomerAsync(string shop, string customerKey, RecoverySignal signal, CancellationToken cancellationToken) => inner.SignalCustomerAsync(shop, customerKey, signal, cancellationToken);

        public Task SignalShopAsync(string shop, RecoverySignal signal, CancellationToken cancellationToken) => inner.SignalShopAsync(shop, signal, cancellationToken);
    }
}
