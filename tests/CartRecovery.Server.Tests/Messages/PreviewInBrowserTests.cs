using CartRecovery.Core.Messaging;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Storage.Messages;
using CartRecovery.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CartRecovery.Server.Tests.Messages;

/// <summary>
/// The preview page in a real headless Chromium: hostile email HTML must render inert. Every way the content could run
/// code or reach the network reports to a loopback probe; the probe hears nothing from the preview, and (as a control
/// that the probe works) hears everything when the same HTML is loaded as a plain page.
/// </summary>
public sealed class PreviewInBrowserTests : IAsyncLifetime
{
    private const string Shop = "demo-store.myshopify.com";
    private ServerHost server = null!;
    private LoopbackHttpServer probe = null!;
    private IPlaywright playwright = null!;
    private IBrowser browser = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await ServerHost.StartAsync(configureServices: services => services.AddSingleton<ISuppressionList, InMemorySuppressionList>());
        probe = await LoopbackHttpServer.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await probe.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Hostile_email_html_renders_inside_the_sandbox_without_running_or_fetching_anything()
    {
        var store = server.Services.GetRequiredService<TableMessages>();
        var message = await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email(HostileHtml(), subject: "</title><script>document.title='pwned'</script>"));
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = SessionTokens.BearerFor(Shop) },
        });
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        var response = await page.GotoAsync(new Uri(server.BaseAddress, $"/api/stores/{Shop}/messages/{message.MessageId}/preview").ToString());
        await page.WaitForLoadStateAsync(LoadState.Load);
        await Task.Delay(2500, Cancel); // let any timer or late handler in the content fire (the form submits after 1 s)

        Assert.Equal(200, response!.Status);
        Assert.Equal("Message preview", await page.TitleAsync());
        Assert.Equal("</title><script>document.title='pwned'</script>", await page.InnerTextAsync("h1")); // shown as text, not run
        Assert.Equal(0, dialogs);
        var frame = page.Frames.Single(f => f != page.MainFrame);
        Assert.Contains("Hello Ana", await frame.InnerTextAsync("body"), StringComparison.Ordinal);
        Assert.Empty(probe.Requests);
        await context.CloseAsync();
    }

    [Fact]
    public async Task Control_the_same_html_as_a_plain_page_does_reach_the_probe()
    {
        var page = await browser.NewPageAsync();

        page.Dialog += (_, dialog) => _ = dialog.DismissAsync();

        // Not awaiting load: the form's auto-submit navigates away; what matters is what reached the probe.
        await page.SetContentAsync(HostileHtml(), new PageSetContentOptions { WaitUntil = WaitUntilState.Commit });
        var expected = new[] { "/script", "/onerror", "/plain-img", "/form" };
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!expected.All(path => probe.Requests.Any(r => r.Path == path)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Cancel);
        }

        Assert.All(expected, path => Assert.Contains(probe.Requests, r => r.Path == path));
    }

    private string HostileHtml()
    {
        var origin = probe.BaseAddress.ToString().TrimEnd('/');
        return $$"""
            <p>Hello Ana</p>
            <script>new Image().src='{{origin}}/script'; alert('script');</script>
            <img src="x" onerror="new Image().src='{{origin}}/onerror'; alert('onerror')">
            <img src="{{origin}}/plain-img">
            <form action="{{origin}}/form" method="post"><input name="a" value="b"></form>
            <script>setTimeout(function () { document.forms[0].submit(); }, 1000)</script>
            """;
    }
}
