using Azure.Data.Tables;
using CartRecovery.Core.Tracking;
using CartRecovery.Storage.Links;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Tests.Links;

public sealed class TableLinkShortenerTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<TableLinkShortener> ShortenerAsync()
    {
        var tables = new StorageTables(new TableServiceClient(await AzuriteServer.Shared()), Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));
        return new TableLinkShortener(tables, new AppLinkOptions { PublicBaseUrl = "https://recover.example/" });
    }

    [Fact]
    public async Task A_short_link_resolves_to_its_long_link_until_it_expires()
    {
        var shortener = await ShortenerAsync();

        var shortUrl = await shortener.ShortenAsync("a.myshopify.com", "https://recover.example/api/t/c/long", Now.AddDays(1), Cancel);
        var id = shortUrl[(shortUrl.LastIndexOf('/') + 1)..];

        Assert.Matches("^https://recover\\.example/api/s/[A-Za-z0-9]{12}$", shortUrl);
        Assert.Equal("https://recover.example/api/t/c/long", await shortener.ResolveAsync(id, Now, Cancel));
        Assert.Null(await shortener.ResolveAsync(id, Now.AddDays(1), Cancel));
        Assert.Null(await shortener.ResolveAsync("AAAAAAAAAAAA", Now, Cancel));
    }

    [Fact]
    public async Task Every_short_link_gets_its_own_id()
    {
        var shortener = await ShortenerAsync();

        var links = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            links.Add(await shortener.ShortenAsync("a.myshopify.com", "https://recover.example/api/t/c/same", Now.AddDays(1), Cancel));
        }

        Assert.Equal(20, links.Count);
    }
}
