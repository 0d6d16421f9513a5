using System.Net;
using CartRecovery.Core.Carts;
using CartRecovery.Server.Webhooks;
using CartRecovery.Testing;

namespace CartRecovery.Server.Tests.Webhooks;

/// <summary>The scheduler in the running server, on the injected clock: on time, once, and across a restart.</summary>
public sealed class AbandonmentTimingTests
{
    private static readonly TimeSpan Threshold = TimeSpan.FromMinutes(60);

    private static async Task WaitUntilScheduledAsync(WebhookServer server, DateTimeOffset dueAt) =>
        await WebhookServer.EventuallyAsync(() => server.Service<AbandonmentScheduler>().NextWakeAt == dueAt, $"the scheduler to plan its wake-up at {dueAt:O}");

    [Fact]
    public async Task Checkout_is_handed_over_when_the_threshold_passes_not_a_second_before()
    {
        await using var server = await WebhookServer.StartAsync();
        var t0 = server.Time.GetUtcNow();
        using var response = await server.PostAsync("checkouts/create", ShopifyPayloads.Checkout("ck-timing", t0));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitUntilScheduledAsync(server, t0 + Threshold);

        server.Time.Advance(Threshold - TimeSpan.FromSeconds(1));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.Empty(server.Workflows.Starts);

        server.Time.Advance(TimeSpan.FromSeconds(1));
        await WebhookServer.EventuallyAsync(() => server.Workflows.Starts.Count == 1, "the recovery to start", TimeSpan.FromSeconds(5));
        var start = server.Workflows.Starts[0];
        Assert.Equal(("ck-timing", CartKind.Checkout, t0 + Threshold), (start.Cart.CartKey, start.Cart.Kind, start.AbandonedAt));
        Assert.Equal("zoe.nunez@example.com", start.Cart.Contact.Email);

        server.Time.Advance(Threshold);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Single(server.Workflows.Starts);
    }

    [Fact]
    public async Task Per_store_threshold_and_cart_abandonment_follow_the_store_setting()
    {
        await using var server = await WebhookServer.StartAsync();
        var t0 = server.Time.GetUtcNow();
        await server.Service<Core.Shops.IShopRepository>().SaveRecoverySettingsAsync(WebhookServer.Shop, Core.Workflow.Settings.RecoveryPresets.Defaults with { AbandonmentThreshold = TimeSpan.FromMinutes(10) }, TestContext.Current.CancellationToken);

        using var response = await server.PostAsync("carts/create", ShopifyPayloads.Cart("cart-10", t0));
        await WaitUntilScheduledAsync(server, t0.AddMinutes(10));
        server.Time.Advance(TimeSpan.FromMinutes(10));

        await WebhookServer.EventuallyAsync(() => server.Workflows.Starts.Count == 1, "the cart's recovery to start", TimeSpan.FromSeconds(5));
        Assert.Equal(CartKind.Cart, server.Workflows.Starts[0].Cart.Kind);
    }

    [Fact]
    public async Task Abandonment_that_falls_due_while_the_server_is_down_is_handed_over_on_restart_once()
    {
        await using var server = await WebhookServer.StartAsync();
        var t0 = server.Time.GetUtcNow();
        using var response = await server.PostAsync("checkouts/create", ShopifyPayloads.Checkout("ck-restart", t0));
        await WaitUntilScheduledAsync(server, t0 + Threshold);
        var before = server.Workflows;

        await server.RestartAsync(() =>
        {
            server.Time.Advance(TimeSpan.FromHours(3));
            return Task.CompletedTask;
        });

        await WebhookServer.EventuallyAsync(() => server.Workflows.Starts.Count == 1, "the recovery to start after the restart", TimeSpan.FromSeconds(5));
        Assert.Empty(before.Starts);
        Assert.Equal(t0 + Threshold, server.Workflows.Starts[0].AbandonedAt);

        server.Time.Advance(TimeSpan.FromDays(1));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Single(server.Workflows.Starts);
    }

    [Fact]
    public async Task Recovery_time_scale_divides_the_abandonment_threshold_too()
    {
        await using var server = await WebhookServer.StartAsync(new Dictionary<string, string?> { ["Recovery:TimeScale"] = "60" });
        var t0 = server.Time.GetUtcNow();
        using var response = await server.PostAsync("checkouts/create", ShopifyPayloads.Checkout("ck-scaled", t0));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // 60 minutes divided by 60: due one minute after the last activity.
        await WaitUntilScheduledAsync(server, t0 + TimeSpan.FromMinutes(1));
        server.Time.Advance(TimeSpan.FromMinutes(1));
        await WebhookServer.EventuallyAsync(() => server.Workflows.Starts.Count == 1, "the recovery to start", TimeSpan.FromSeconds(5));
        Assert.Equal(t0 + TimeSpan.FromMinutes(1), server.Workflows.Starts[0].AbandonedAt);
    }
}
