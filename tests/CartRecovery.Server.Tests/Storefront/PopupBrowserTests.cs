using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;
using CartRecovery.Server.Tests.Tracking;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace CartRecovery.Server.Tests.Storefront;

/// <summary>
/// recovery.js in real headless Chromium: a storefront stand-in (Kestrel on http://localhost:{port}) includes the script
/// served by the app (http://127.0.0.1:{port}), so every popup and event request is cross-origin as on a real store.
/// </summary>
public sealed class PopupBrowserTests(ChromiumFixture chromium) : IAsyncLifetime, IClassFixture<ChromiumFixture>
{
    private const string Hostile = "<img id=\"injected\" src=x onerror=\"window.__xss=1\"> Mug & \"Co\"";
    private MessagingServer server = null!;
    private LoopbackHttpServer storefront = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string StorefrontOrigin => $"http://localhost:{storefront.BaseAddress.Port}";

    public async ValueTask InitializeAsync()
    {
        server = await MessagingServer.StartAsync(storefrontHost: "localhost");
        server.Events.Know("msg-popup");
        storefront = await LoopbackHttpServer.StartAsync();
        storefront.Respond = (request, context) =>
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            var script = $"<script src=\"{server.BaseAddress}api/storefront/recovery.js\" data-shop=\"{MessagingServer.Shop}\" defer></script>";
            return context.Response.WriteAsync($"<!DOCTYPE html><html><head><title>Store</title></head><body><h1>Zoë's Store {request.Path}</h1>{script}</body></html>");
        };
        server.Popups.Add(MessagingServer.Shop, "cart-abc", new PendingPopup("msg-popup", MessagingServer.Step(
            Channel.Popup,
            $"{StorefrontOrigin}/1/checkouts/chk-1/recover?key=k",
            new CartLine(1, 1, Hostile, "Blue", 2, 24.5m, "https://cdn.example/mug.png", null),
            new CartLine(2, 2, "Tea Towel", null, 1, 9.99m, null, null),
            new CartLine(3, 3, "Teapot", null, 1, 30m, null, null),
            new CartLine(4, 4, "Fourth Item", null, 1, 1m, null, null))));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in chromium.Browser.Contexts)
        {
            await context.CloseAsync();
        }

        await storefront.DisposeAsync();
        await server.DisposeAsync();
    }

    private async Task<IPage> OpenStoreAsync(string? cartCookie)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        if (cartCookie is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = "cart", Value = cartCookie, Domain = "localhost", Path = "/" }]);
        }

        return await context.NewPageAsync();
    }

    [Fact]
    public async Task A_returning_visitor_with_an_abandoned_cart_sees_three_items_as_text_and_the_popup_is_reported_shown()
    {
        var page = await OpenStoreAsync("cart-abc%3Fkey%3Dsecret");

        await page.GotoAsync(StorefrontOrigin + "/");
        var popup = page.Locator("#cartrecovery-popup");
        await popup.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        Assert.Equal("Willkommen zurück!", await popup.Locator(".cr-heading").TextContentAsync());
        Assert.Equal([Hostile, "Tea Towel", "Teapot"], await popup.Locator(".cr-item-title").AllTextContentsAsync());
        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Equal("Jetzt Kauf abschließen", await popup.Locator(".cr-cta").TextContentAsync());
        await WaitForEventAsync(MessageEventKind.Shown);
    }

    [Fact]
    public async Task A_visitor_without_a_pending_popup_sees_nothing()
    {
        var page = await OpenStoreAsync("another-cart");
        var answered = page.WaitForResponseAsync(r => r.Url.Contains("/api/storefront/popup", StringComparison.Ordinal), new PageWaitForResponseOptions { Timeout = 15_000 });

        await page.GotoAsync(StorefrontOrigin + "/");
        var response = await answered;

        Assert.Equal(204, response.Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.Locator("#cartrecovery-popup").CountAsync());
    }

    [Fact]
    public async Task A_visitor_without_a_cart_cookie_causes_no_request()
    {
        var page = await OpenStoreAsync(null);
        var popupRequests = 0;
        page.Request += (_, request) => popupRequests += request.Url.Contains("/api/storefront/popup", StringComparison.Ordinal) ? 1 : 0;

        await page.GotoAsync(StorefrontOrigin + "/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(0, popupRequests);
    }

    [Fact]
    public async Task Dismissal_hides_the_popup_is_reported_and_the_cap_holds_on_reload_until_a_day_has_passed()
    {
        var page = await OpenStoreAsync("cart-abc");
        await page.Clock.InstallAsync();
        await page.GotoAsync(StorefrontOrigin + "/");
        await page.Locator("#cartrecovery-popup").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        await page.Locator(".cr-dismiss").ClickAsync();

        Assert.Equal(0, await page.Locator("#cartrecovery-popup").CountAsync());
        await WaitForEventAsync(MessageEventKind.Dismissed);

        var popupRequests = 0;
        page.Request += (_, request) => popupRequests += request.Url.Contains("/api/storefront/popup", StringComparison.Ordinal) ? 1 : 0;
        await page.ReloadAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.Locator("#cartrecovery-popup").CountAsync());
        Assert.Equal(0, popupRequests);

        await page.Clock.FastForwardAsync("25:00:00");
        await page.ReloadAsync();
        await page.Locator("#cartrecovery-popup").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        Assert.Equal(1, popupRequests);
    }

    [Fact]
    public async Task The_call_to_action_goes_through_the_tracked_redirect_to_the_store_with_utm()
    {
        var page = await OpenStoreAsync("cart-abc");
        await page.GotoAsync(StorefrontOrigin + "/");
        await page.Locator("#cartrecovery-popup").WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        await page.Locator(".cr-cta").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/checkouts/", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 15_000 });

        Assert.Equal($"{StorefrontOrigin}/1/checkouts/chk-1/recover?key=k&utm_source=cartrecovery&utm_medium=popup&utm_campaign=cart_recovery&utm_content=step-1", page.Url);
        await WaitForEventAsync(MessageEventKind.Clicked);
        Assert.Contains(server.Workflows.Signals, s => s.Signal is MessageEngaged { Clicked: true, StepId: "step-1" });
    }

    /// <summary>Events are posted with keepalive fetches; wait for the server to have them (bounded, not a speed assertion).</summary>
    private async Task WaitForEventAsync(MessageEventKind kind)
    {
        for (var attempt = 0; attempt < 100 && !server.Events.Events.Any(e => e.Kind == kind && e.MessageId == "msg-popup"); attempt++)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.Contains(server.Events.Events, e => e.Kind == kind && e.MessageId == "msg-popup");
    }
}
