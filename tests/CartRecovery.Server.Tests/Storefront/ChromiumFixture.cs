using Microsoft.Playwright;

namespace CartRecovery.Server.Tests.Storefront;

/// <summary>One headless Chromium per test class (each test gets its own browser context, so cookies and storage never leak).</summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync() => (playwright, Browser) = await Chromium.LaunchAsync();

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
