using System.Net;
using System.Text.Json;
using CartRecovery.Server.Tests.Storefront;
using CartRecovery.Testing;
using Microsoft.Playwright;

namespace CartRecovery.Server.Tests.Dashboard;

/// <summary>
/// The merchant dashboard in headless Chromium against the real server (Development, development login): every page
/// loads with the shop's data, stop and restart work, a configuration error shows beside its field, hostile strings stay
/// text, the layout holds at 1280 and 390 px, and axe-core finds no serious accessibility violation. Screenshots go to
/// the test output's <c>screenshots</c> folder (and to <c>docs/images</c> with <c>CARTRECOVERY_WRITE_SCREENSHOTS=1</c>).
/// </summary>
public sealed class DashboardBrowserTests(ChromiumFixture chromium, DashboardSite site) : IClassFixture<ChromiumFixture>, IClassFixture<DashboardSite>, IAsyncLifetime
{
    private static readonly string[] Pages = ["overview", "recoveries", "experiments", "incentives", "settings", "privacy"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var context in chromium.Browser.Contexts)
        {
            await context.CloseAsync();
        }
    }

    private async Task<IPage> OpenAsync(string hash, int width = 1280, int height = 900, bool bypassCsp = false, Func<IBrowserContext, Task>? setup = null)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            BypassCSP = bypassCsp,
        });
        // Nothing outside the server: a request elsewhere (a CDN) would fail the offline promise.
        await context.RouteAsync(url => !url.StartsWith(site.Server.BaseAddress.ToString(), StringComparison.Ordinal), route => route.AbortAsync());
        if (setup is not null)
        {
            await setup(context);
        }

        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(new Uri(site.Server.BaseAddress, "api/app#/" + hash).ToString());
        try
        {
            await WaitLoadedAsync(page, hash.Split('/', '?')[0]);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{hash} did not load; script errors: {string.Join(" | ", errors)}", e);
        }

        return page;
    }

    private static async Task WaitLoadedAsync(IPage page, string name) =>
        await page.WaitForSelectorAsync($"body[data-loaded=\"{name}\"]", new PageWaitForSelectorOptions { Timeout = 20_000 });

    [Fact]
    public async Task The_overview_shows_the_active_recoveries_and_the_analytics_or_says_they_are_not_available()
    {
        var page = await OpenAsync("overview");

        Assert.Equal(site.ActiveIds.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.Locator("#active-count").TextContentAsync());
        var analytics = await site.ApiJsonAsync($"analytics?from={DateTime.UtcNow.AddDays(-29):yyyy-MM-dd}&to={DateTime.UtcNow:yyyy-MM-dd}");
        if (analytics is null)
        {
            Assert.Contains("not available yet", await page.Locator("main .notice").TextContentAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(await page.Locator("#figure-recovery-rate").IsVisibleAsync());
            Assert.Equal(5, await page.Locator(".funnel rect").CountAsync());
        }

        await ScreenshotAsync(page, "overview-1280");
    }

    /// <summary>
    /// Known analytics answers, in the measurement API's shape (README "Measurement"), are given at the browser's edge so
    /// the page's figures, targets, daily charts and funnel can be checked against exact values.
    /// </summary>
    [Fact]
    public async Task The_overview_draws_figures_targets_charts_and_the_funnel_from_the_analytics_contract()
    {
        const string analytics = """
            { "recoveriesStarted": 400, "messagesSent": 680, "messagesDelivered": 670, "messagesOpened": 204, "messagesClicked": 27,
              "recoveredOrders": 52, "recoveredRevenue": 4321.5, "currency": "EUR", "recoveryRate": 0.13, "roi": 12.5,
              "openRate": 0.3, "clickRate": 0.0397058823529412,
              "incrementalLift": { "rate": 0.061, "low": 0.032, "high": 0.09 } }
            """;
        var page = await OpenAsync("overview", setup: context => context.RouteAsync("**/analytics**", route =>
        {
            var url = new Uri(route.Request.Url);
            var body = url.AbsolutePath.EndsWith("/analytics/daily", StringComparison.Ordinal)
                ? "{\"points\":[" + string.Join(",", Enumerable.Range(0, 30).Select(d => $"{{\"date\":\"{DateTime.UtcNow.AddDays(d - 29):yyyy-MM-dd}\",\"value\":{d + 1}}}")) + "]}"
                : analytics;
            return route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = body });
        }));

        Assert.Equal("13%", await page.Locator("#figure-recovery-rate .value").TextContentAsync());
        Assert.Equal("€4,321.50", await page.Locator("#figure-recovered-revenue .value").TextContentAsync());
        Assert.Equal("12.5×", await page.Locator("#figure-roi .value").TextContentAsync());
        Assert.Contains("3.2% to 9%", await page.Locator("#figure-lift .note").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("30%", await page.Locator("#figure-open-rate .value").TextContentAsync()); // 204 / 680
        Assert.Contains("met", await page.Locator("#figure-open-rate .target-met").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("4%", await page.Locator("#figure-click-rate .value").TextContentAsync()); // 27 / 680, under the 5 % target
        Assert.Equal(1, await page.Locator("#figure-click-rate .target-missed").CountAsync());
        Assert.Equal(2, await page.Locator(".chart svg path").CountAsync());
        Assert.Equal(30, await page.Locator(".chart").First.Locator("circle").CountAsync());
        Assert.Equal(5, await page.Locator(".funnel rect").CountAsync());
        Assert.Contains("Recovered 52", await page.Locator(".funnel svg").GetAttributeAsync("aria-label"), StringComparison.Ordinal);
        await ScreenshotAsync(page, "overview-analytics-1280");
    }

    [Fact]
    public async Task Recoveries_are_listed_with_steps_done_current_and_to_come()
    {
        var page = await OpenAsync("recoveries");

        var rows = page.Locator("#recoveries tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        var active = page.Locator($"#recoveries tr[data-id=\"{site.ActiveIds[1]}\"]");
        Assert.Equal(1, await active.Locator(".dot.done").CountAsync());
        Assert.Equal(1, await active.Locator(".dot.current").CountAsync());
        Assert.Equal(1, await active.Locator(".dot.tocome").CountAsync());
        Assert.Equal("active", await active.Locator(".badge").TextContentAsync());

        await page.SelectOptionAsync("#status-filter", "stopped");
        await WaitLoadedAsync(page, "recoveries");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#recoveries tbody tr').length === 1");
        Assert.Equal(1, await page.Locator($"#recoveries tr[data-id=\"{site.StoppedId}\"]").CountAsync());
        await ScreenshotAsync(page, "recoveries-stopped-1280");
    }

    [Fact]
    public async Task Stop_and_restart_from_the_list_change_the_recovery()
    {
        var id = site.ActiveIds[1];
        var page = await OpenAsync("recoveries");
        var row = page.Locator($"#recoveries tr[data-id=\"{id}\"]");

        await row.Locator("button.stop").ClickAsync();
        await page.WaitForSelectorAsync($"#recoveries tr[data-id=\"{id}\"] button.restart", new PageWaitForSelectorOptions { Timeout = 20_000 });
        var stopped = (await site.SequenceAsync(id))!.Value;
        Assert.Equal("stopped", stopped.GetProperty("status").GetString());
        Assert.Equal("merchantStopped", stopped.GetProperty("stopReason").GetString());

        await page.Locator($"#recoveries tr[data-id=\"{id}\"] button.restart").ClickAsync();
        await page.WaitForSelectorAsync($"#recoveries tr[data-id=\"{id}\"] button.stop", new PageWaitForSelectorOptions { Timeout = 20_000 });
        Assert.Equal("active", (await site.SequenceAsync(id))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_detail_shows_the_timeline_and_a_message_preview_with_hostile_strings_as_text()
    {
        var page = await OpenAsync($"recoveries/{site.HostileId}");

        Assert.Contains("email-1h", await page.Locator("#timeline li.sent").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#timeline li.tocome").CountAsync());
        await page.Locator("button.show-preview").First.ClickAsync();
        var frame = page.FrameLocator("iframe.preview");
        await frame.Locator("body").WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        // The shopper's first name (shortened by the composer), as text.
        Assert.Contains("Hallo <img id=\"injected\" src=x onerror=\"window.__xss=1\">", await frame.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await frame.Locator("#injected").CountAsync());
        Assert.Equal("", await page.Locator("iframe.preview").GetAttributeAsync("sandbox"));
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await ScreenshotAsync(page, "recovery-detail-1280");
    }

    [Fact]
    public async Task A_hostile_stop_note_stays_text()
    {
        var page = await OpenAsync($"recoveries/{site.StoppedId}");

        Assert.Contains(DashboardSite.HostileNote, await page.Locator("main .card").First.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#injected").CountAsync());
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
    }

    [Fact]
    public async Task A_configuration_error_shows_beside_its_field_and_nothing_is_saved()
    {
        var before = (await site.ApiJsonAsync("config"))!.Value.GetRawText();
        var page = await OpenAsync("settings");
        var delay = page.Locator("[data-field=\"sequences.default[1].delay\"]");

        await delay.FillAsync("00:30:00"); // earlier than the step before it
        await page.Locator("#save-settings").ClickAsync();
        var error = page.Locator("[data-field=\"sequences.default[1].delay\"] + .field-error");
        await error.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });

        Assert.False(string.IsNullOrWhiteSpace(await error.TextContentAsync()));
        Assert.Equal("true", await delay.GetAttributeAsync("aria-invalid"));
        Assert.Equal(await error.GetAttributeAsync("id"), await delay.GetAttributeAsync("aria-describedby"));
        Assert.Equal(1, await page.Locator(".field-error").CountAsync());
        Assert.Equal(before, (await site.ApiJsonAsync("config"))!.Value.GetRawText());
        await ScreenshotAsync(page, "settings-error-1280");
    }

    [Fact]
    public async Task Privacy_lists_the_data_request_and_prepares_its_export()
    {
        var page = await OpenAsync("privacy");

        Assert.Equal(1, await page.Locator("main tbody tr").CountAsync());
        await page.Locator("main tbody button").ClickAsync();
        var link = page.Locator("main tbody a[download]");
        await link.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
        Assert.StartsWith("blob:", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("experiments", "/experiments")]
    [InlineData("incentives", "/incentives/approvals")]
    public async Task Parts_the_server_does_not_have_yet_say_so_plainly(string hash, string route)
    {
        using var response = await site.ApiAsync(HttpMethod.Get, route.TrimStart('/'));
        var page = await OpenAsync(hash);

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            Assert.Contains("not available yet", await page.Locator("main .notice").TextContentAsync(), StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(0, await page.Locator("main .error").CountAsync());
        }
    }

    [Fact]
    public async Task Every_api_call_carries_a_bearer_session_token_and_no_cookie()
    {
        var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var calls = new List<IRequest>();
        page.Request += (_, request) => { if (request.Url.Contains("/api/stores/", StringComparison.Ordinal)) { calls.Add(request); } };

        foreach (var name in Pages)
        {
            await page.GotoAsync(new Uri(site.Server.BaseAddress, "api/app#/" + name).ToString());
            await WaitLoadedAsync(page, name);
            await page.EvaluateAsync("() => document.body.removeAttribute('data-loaded')");
        }

        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            var headers = await call.AllHeadersAsync();
            Assert.StartsWith("Bearer ey", headers["authorization"], StringComparison.Ordinal);
            Assert.False(headers.ContainsKey("cookie"));
        }

        Assert.Empty(await context.CookiesAsync());
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(390)]
    public async Task Every_page_fits_the_width_without_sideways_scrolling(int width)
    {
        foreach (var name in Pages)
        {
            var page = await OpenAsync(name, width, 844);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"{name} at {width} px is {overflow} px wider than the window");
            await ScreenshotAsync(page, $"{name}-{width}");
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task Axe_finds_no_serious_or_critical_accessibility_violation_on_any_page()
    {
        var axe = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js");
        Assert.True(File.Exists(axe), "npm ci installs axe-core (package.json)");
        var problems = new List<string>();
        foreach (var name in Pages.Append($"recoveries/{site.HostileId}"))
        {
            var page = await OpenAsync(name, bypassCsp: true); // the test injects axe; the page itself allows no inline script
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = axe });
            var result = await page.EvaluateAsync<JsonElement>("async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))");
            problems.AddRange(result.EnumerateArray()
                .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
                .Select(v => $"{name}: {v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}, {v.GetProperty("nodes").GetInt32()} nodes)"));
            await page.Context.CloseAsync();
        }

        Assert.Empty(problems);
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        await File.WriteAllBytesAsync(Path.Combine(folder, $"dashboard-{name}.png"), bytes, Cancel);
        if (Environment.GetEnvironmentVariable("CARTRECOVERY_WRITE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(RepoPaths.Root, "docs", "images");
            Directory.CreateDirectory(docs);
            await File.WriteAllBytesAsync(Path.Combine(docs, $"dashboard-{name}.png"), bytes, Cancel);
        }
    }
}
