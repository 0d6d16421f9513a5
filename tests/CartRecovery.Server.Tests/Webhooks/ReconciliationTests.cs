using System.Net;
using CartRecovery.Core.Abandonment;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Reconciliation;
using CartRecovery.Core.Workflow;
using CartRecovery.Server.Admin;
using CartRecovery.Testing;
using CartRecovery.Testing.Shopify;

namespace CartRecovery.Server.Tests.Webhooks;

/// <summary>
/// Missed webhooks caught by reconciliation, in the real server on Azurite against the fake Admin API on loopback, on the
/// manual clock with a compressed interval (one minute) and threshold (60 minutes divided by 60).
/// </summary>
public sealed class ReconciliationTests : IAsyncLifetime
{
    private const string Shop = WebhookServer.Shop;
    private const string Key = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private FakeShopifyAdmin fake = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => fake = await FakeShopifyAdmin.StartAsync();

    public async ValueTask DisposeAsync() => await fake.DisposeAsync();

    /// <summary>The server once its pass on start is over (before any shop exists), so the tests' own runs are the only ones.</summary>
    private async Task<WebhookServer> StartAsync(string pageSize = "50")
    {
        var server = await WebhookServer.StartAsync(new Dictionary<string, string?>
        {
            ["Shopify:AdminBaseUrl"] = fake.AdminBaseUrl,
            ["Security:EncryptionKeys:0"] = Key,
            ["Reconciliation:Interval"] = Interval.ToString(),
            ["Reconciliation:PageSize"] = pageSize,
            ["Recovery:TimeScale"] = "60",
        });
        await WebhookServer.EventuallyAsync(() => server.Service<ReconciliationService>().Passes >= 1, "the pass on start");
        return server;
    }

    private async Task InstallAsync(WebhookServer server, string scopes = "read_orders,read_products")
    {
        var token = fake.IssueToken(Shop);
        await server.Service<IShopAccessTokens>().SaveAsync(Shop, new ShopAccess(token, ShopAccess.ParseScopes(scopes), server.Time.GetUtcNow()), Cancel);
    }

    /// <summary>Advances the clock by one interval once the service sleeps, and waits for the pass that wakes.</summary>
    private static async Task NextPassAsync(WebhookServer server)
    {
        var service = server.Service<ReconciliationService>();
        await WebhookServer.EventuallyAsync(() => service.NextPassAt is not null, "the reconciliation service to sleep");
        var passes = service.Passes;
        server.Time.Advance(service.NextPassAt!.Value - server.Time.GetUtcNow());
        await WebhookServer.EventuallyAsync(() => service.Passes > passes, "the next reconciliation pass");
    }

    [Fact]
    public async Task Dropped_checkout_and_order_webhooks_start_the_recovery_and_stop_it_within_one_interval_each()
    {
        await using var server = await StartAsync();
        await InstallAsync(server);
        var t0 = server.Time.GetUtcNow();
        fake.PutAbandonedCheckout(Shop, 4101, "ck-missed", t0, lines: 2);

        await NextPassAsync(server);

        await WebhookServer.EventuallyAsync(() => server.Workflows.Starts.Count == 1, "the recovery of the missed checkout to start", TimeSpan.FromSeconds(10));
        var start = server.Workflows.Starts[0];
        Assert.Equal(("ck-missed", CartKind.Checkout), (start.Cart.CartKey, start.Cart.Kind));
        Assert.Equal("zoe.nunez@example.com", start.Cart.Contact.Email);
        Assert.Equal(2, start.Cart.Lines.Count);
        Assert.Equal((59.0m, "EUR"), (start.Cart.TotalPrice, start.Cart.Currency));
        Assert.Contains("/checkouts/ck-missed/recover", start.Cart.RecoveryUrl, StringComparison.Ordinal);
        Assert.Equal(t0 + Interval, start.AbandonedAt);
        var filter = fake.CallsTo("abandonedCheckouts")[^1].Variable("query");
        Assert.Matches(@"^updated_at:>'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ'$", filter);

        fake.PutOrder(Shop, 5501, server.Time.GetUtcNow(), checkoutToken: "ck-missed");
        await NextPassAsync(server);

        await WebhookServer.EventuallyAsync(() => server.Workflows.SignalsTo(Shop, "ck-missed").OfType<OrderPlaced>().Any(), "the order to stop the recovery", TimeSpan.FromSeconds(10));
        var order = server.Workflows.SignalsTo(Shop, "ck-missed").OfType<OrderPlaced>().Single();
        Assert.Equal((5501L, 29.5m, "EUR"), (order.OrderId, order.Total, order.Currency));
        var cart = await server.Service<TrackedCarts>().LoadAsync(Shop, CartKind.Checkout, "ck-missed", Cancel);
        Assert.False(cart.Cart.IsOpen);
    }

    [Fact]
    public async Task Checkout_seen_by_webhook_and_by_reconciliation_has_one_effect()
    {
        await using var server = await StartAsync();
        await InstallAsync(server);
        var t0 = server.Time.GetUtcNow();
        using var response = await server.PostAsync("checkouts/create", ShopifyPayloads.Checkout("ck-both", t0, id: 4202));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var carts = server.Service<TrackedCarts>();
        await WebhookServer.EventuallyAsync(async () => (await carts.LoadAsync(Shop, CartKind.Checkout, "ck-both", Cancel)).Exists, "the webhook to be processed");
        var before = await carts.LoadAsync(Shop, CartKind.Checkout, "ck-both", Cancel);
        fake.PutAbandonedCheckout(Shop, 4202, "ck-both", t0);

        var result = await server.Service<ShopReconciler>().ReconcileAsync(Shop, dueOnly: false, Cancel);

        Assert.Equal((0, 0, null), (result!.Checkouts, result.Orders, result.SkippedReason));
        Assert.Single(fake.CallsTo("abandonedCheckouts"), c => c.Shop == Shop && c.Query.Contains("ReconcileAbandonedCheckouts", StringComparison.Ordinal));
        var after = await carts.LoadAsync(Shop, CartKind.Checkout, "ck-both", Cancel);
        Assert.Equal(before.Version, after.Version);

        // A newer state that only reconciliation saw is applied once: a second run does not apply it again.
        fake.PutAbandonedCheckout(Shop, 4202, "ck-both", t0.AddSeconds(30), lines: 3);
        var newer = await server.Service<ShopReconciler>().ReconcileAsync(Shop, dueOnly: false, Cancel);
        var again = await server.Service<ShopReconciler>().ReconcileAsync(Shop, dueOnly: false, Cancel);
        Assert.Equal(1, newer!.Checkouts);
        Assert.Equal(0, again!.Checkouts);
        Assert.Equal(3, (await carts.LoadAsync(Shop, CartKind.Checkout, "ck-both", Cancel)).Cart.Snapshot!.Lines.Count);
    }

    [Fact]
    public async Task Watermark_survives_a_restart_and_a_shop_is_not_read_again_before_its_interval()
    {
        await using var server = await StartAsync();
        await InstallAsync(server);
        fake.PutAbandonedCheckout(Shop, 4303, "ck-restart", server.Time.GetUtcNow());
        await NextPassAsync(server);
        var state = await server.Service<IReconciliationState>().GetAsync(Shop, Cancel);
        Assert.Equal(server.Time.GetUtcNow(), state.Watermark);
        var reads = fake.CallsTo("abandonedCheckouts").Count;

        await server.RestartAsync(() =>
        {
            server.Time.Advance(TimeSpan.FromSeconds(20));
            return Task.CompletedTask;
        });
        await WebhookServer.EventuallyAsync(() => server.Service<ReconciliationService>().Passes >= 1, "the pass on start");

        Assert.Equal(state.Watermark, (await server.Service<IReconciliationState>().GetAsync(Shop, Cancel)).Watermark);
        Assert.Equal(reads, fake.CallsTo("abandonedCheckouts").Count);

        await NextPassAsync(server);
        Assert.Equal(reads + 1, fake.CallsTo("abandonedCheckouts").Count);
        var filter = fake.CallsTo("abandonedCheckouts")[^1].Variable("query")!;
        var since = DateTimeOffset.Parse(filter["updated_at:>'".Length..^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(state.Watermark!.Value - TimeSpan.FromMinutes(2), since);
    }

    [Fact]
    public async Task Shop_without_access_or_scope_is_skipped_with_its_reason_and_no_admin_call()
    {
        await using var server = await StartAsync();
        using var response = await server.PostAsync("carts/create", ShopifyPayloads.Cart("cart-no-access", server.Time.GetUtcNow()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reconciler = server.Service<ShopReconciler>();
        await WebhookServer.EventuallyAsync(async () => (await reconciler.RunAsync(dueOnly: false, Cancel)).Any(r => r.Shop == Shop), "the shop to be known");

        var missing = await reconciler.ReconcileAsync(Shop, dueOnly: false, Cancel);
        await InstallAsync(server, scopes: "read_products");
        var unscoped = await reconciler.ReconcileAsync(Shop, dueOnly: false, Cancel);

        Assert.Equal(AdminAccess.NoToken, missing!.SkippedReason);
        Assert.Equal(AdminAccess.MissingScopePrefix + "read_orders", unscoped!.SkippedReason);
        var state = await server.Service<IReconciliationState>().GetAsync(Shop, Cancel);
        Assert.Equal((null, AdminAccess.MissingScopePrefix + "read_orders"), (state.Watermark, state.SkippedReason));
        Assert.Empty(fake.Calls);
    }

    [Fact]
    public async Task Every_page_of_the_filter_is_read_and_older_changes_are_left_out()
    {
        await using var server = await StartAsync(pageSize: "2");
        await InstallAsync(server);
        var t0 = server.Time.GetUtcNow();
        for (var i = 1; i <= 5; i++)
        {
            fake.PutAbandonedCheckout(Shop, 4400 + i, $"ck-page-{i}", t0.AddSeconds(-i));
        }

        fake.PutAbandonedCheckout(Shop, 4499, "ck-too-old", t0.AddDays(-2));

        var result = await server.Service<ShopReconciler>().ReconcileAsync(Shop, dueOnly: false, Cancel);

        Assert.Equal(5, result!.Checkouts);
        var pages = fake.CallsTo("abandonedCheckouts").Where(c => c.Variable("first") == "2").ToList();
        Assert.Equal(3, pages.Count);
        Assert.True(string.IsNullOrEmpty(pages[0].Variable("after"))); // null in the variables: the first page
        Assert.False(string.IsNullOrEmpty(pages[2].Variable("after")));
        var carts = server.Service<TrackedCarts>();
        for (var i = 1; i <= 5; i++)
        {
            Assert.True((await carts.LoadAsync(Shop, CartKind.Checkout, $"ck-page-{i}", Cancel)).Exists);
        }

        Assert.False((await carts.LoadAsync(Shop, CartKind.Checkout, "ck-too-old", Cancel)).Exists);
    }
}
