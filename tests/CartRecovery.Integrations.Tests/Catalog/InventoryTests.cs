using Azure.Data.Tables;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Catalog;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shopify;
using CartRecovery.Integrations.ShopifyAdmin;
using CartRecovery.Storage;
using CartRecovery.Storage.Admin;
using CartRecovery.Storage.Security;
using CartRecovery.Testing;
using CartRecovery.Testing.Shopify;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.Catalog;

/// <summary>Stock checks on the fake Admin (batched <c>nodes</c> lookups) with the token on Azurite.</summary>
public sealed class InventoryTests : IAsyncLifetime
{
    private const string Shop = "stock.myshopify.com";
    private readonly HttpClient http = new();
    private readonly Dictionary<long, int?> stock = new() { [11] = 0, [12] = 3, [13] = 40, [14] = null };
    private FakeShopifyAdmin fake = null!;
    private TableShopAccessTokens tokens = null!;
    private ShopifyInventoryLookup lookup = null!;
    private ShopAccessProvider access = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeShopifyAdmin.StartAsync();
        var tables = new StorageTables(new TableServiceClient(await AzuriteServer.Shared()), Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));
        tokens = new TableShopAccessTokens(tables, new SecretKeyRing(Options.Create(new SecurityOptions { EncryptionKeys = ["k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="] })));
        await tokens.SaveAsync(Shop, new ShopAccess(fake.IssueToken(Shop), ["read_inventory"], DateTimeOffset.UtcNow), Cancel);
        var admin = Options.Create(new ShopifyAdminOptions { AdminBaseUrl = fake.AdminBaseUrl });
        var app = Options.Create(new ShopifyOptions { ApiKey = FakeShopifyAdmin.ApiKey, ApiSecrets = [FakeShopifyAdmin.ApiSecret] });
        lookup = new ShopifyInventoryLookup(new AdminGraphQlClient(http, admin, TimeProvider.System, NullLogger<AdminGraphQlClient>.Instance), Options.Create(new CatalogOptions()), TimeProvider.System);
        access = new ShopAccessProvider(tokens, new ShopifyOAuthClient(http, app, admin, TimeProvider.System), admin, TimeProvider.System, NullLogger<ShopAccessProvider>.Instance);
        fake.Handle("nodes(ids:", call =>
        {
            var nodes = call.Variables.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).Select(gid =>
            {
                var id = long.Parse(gid[(gid.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                return stock.TryGetValue(id, out var q)
                    ? $$"""{"id":"{{gid}}","inventoryQuantity":{{(q is null ? "null" : q.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))}}}"""
                    : "null";
            });
            return """{"nodes":[""" + string.Join(',', nodes) + "]}";
        });
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await fake.DisposeAsync();
    }

    [Fact]
    public async Task Looks_up_variants_in_batches_and_caches_the_answers()
    {
        var ids = Enumerable.Range(1000, 150).Select(i => (long)i).Concat([11L, 12L, 14L]).ToList();

        var first = await lookup.QuantitiesAsync(Shop, fake.TokenOf(Shop)!, ids, Cancel);
        var again = await lookup.QuantitiesAsync(Shop, fake.TokenOf(Shop)!, [11L, 12L], Cancel);

        Assert.Equal(new Dictionary<long, int> { [11] = 0, [12] = 3 }, first);
        Assert.Equal(new Dictionary<long, int> { [11] = 0, [12] = 3 }, again);
        Assert.Equal(2, fake.Calls.Count); // 153 ids in batches of 100, then all from the cache
        Assert.Equal(ShopifyInventoryLookup.BatchSize, fake.Calls[0].Variables.GetProperty("ids").GetArrayLength());
        Assert.Equal("gid://shopify/ProductVariant/1000", fake.Calls[0].Variables.GetProperty("ids")[0].GetString());
    }

    [Fact]
    public async Task The_step_gets_the_in_stock_lines_with_low_stock_marked_or_is_skipped_when_all_are_sold_out()
    {
        var inner = new Capturing();
        var front = new InventoryStepExecutor(inner, lookup, access, Options.Create(new CatalogOptions()), NullLogger<InventoryStepExecutor>.Instance);

        await front.ExecuteAsync(Step(11, 12, 13, 14), Cancel);
        var skipped = await front.ExecuteAsync(Step(11), Cancel);

        var lines = Assert.Single(inner.Requests).Cart.Lines;
        Assert.Equal([12L, 13L, 14L], lines.Select(l => l.VariantId!.Value));
        Assert.Equal([true, false, false], lines.Select(l => l.LowStock));
        Assert.Equal(StepOutcome.Skipped(StockFilter.AllOutOfStock), skipped);
    }

    [Fact]
    public async Task Without_admin_access_or_when_the_lookup_fails_the_step_goes_on_unchanged()
    {
        var inner = new Capturing();
        var front = new InventoryStepExecutor(inner, lookup, access, Options.Create(new CatalogOptions()), NullLogger<InventoryStepExecutor>.Instance);
        for (var i = 0; i < 3; i++)
        {
            fake.FailNext(500);
        }

        await front.ExecuteAsync(Step(11, 12), Cancel);
        await tokens.DeleteAsync(Shop, Cancel);
        await front.ExecuteAsync(Step(11, 12), Cancel);

        Assert.All(inner.Requests, r => Assert.Equal(2, r.Cart.Lines.Count));
    }

    private static StepRequest Step(params long[] variants)
    {
        var cart = new CartSnapshot(
            Shop, "ck", CartKind.Checkout, "ct", "ck", null, new ContactInfo("a@example.com", null, ConsentState.Subscribed, ConsentState.Unknown), "EUR", 50m, "en",
            [.. variants.Select(v => new CartLine(1, v, $"Item {v}", null, 1, 10m, null, null))], null, DateTimeOffset.UtcNow);
        return new StepRequest("wf", cart, "s1", 0, Channel.Email, MessageIntent.HelpfulReminder, false, null, "key");
    }

    private sealed class Capturing : IStepExecutor
    {
        public List<StepRequest> Requests { get; } = [];

        public Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(StepOutcome.Sent("m"));
        }

        public Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken) => Task.FromResult(StepOutcome.Failed(reason));
    }
}
