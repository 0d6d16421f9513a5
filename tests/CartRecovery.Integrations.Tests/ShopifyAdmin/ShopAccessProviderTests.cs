using Azure.Data.Tables;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Shopify;
using CartRecovery.Integrations.ShopifyAdmin;
using CartRecovery.Storage;
using CartRecovery.Storage.Admin;
using CartRecovery.Storage.Security;
using CartRecovery.Testing;
using CartRecovery.Testing.Shopify;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.ShopifyAdmin;

public sealed class ShopAccessProviderTests : IAsyncLifetime
{
    private const string Shop = "access.myshopify.com";
    private const string Key = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private readonly HttpClient http = new();
    private readonly ManualTimeProvider time = new();
    private FakeShopifyAdmin fake = null!;
    private StorageTables tables = null!;
    private TableShopAccessTokens tokens = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        fake = await FakeShopifyAdmin.StartAsync();
        tables = new StorageTables(new TableServiceClient(await AzuriteServer.Shared()), Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));
        tokens = new TableShopAccessTokens(tables, Keys(Key));
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await fake.DisposeAsync();
    }

    private static SecretKeyRing Keys(params string[] keys) => new(Options.Create(new SecurityOptions { EncryptionKeys = [.. keys] }));

    private ShopAccessProvider Provider(IShopAccessTokens? store = null)
    {
        var admin = Options.Create(new ShopifyAdminOptions { AdminBaseUrl = fake.AdminBaseUrl });
        var app = Options.Create(new ShopifyOptions { ApiKey = FakeShopifyAdmin.ApiKey, ApiSecrets = [FakeShopifyAdmin.ApiSecret] });
        return new ShopAccessProvider(store ?? tokens, new ShopifyOAuthClient(http, app, admin, time), admin, time, NullLogger<ShopAccessProvider>.Instance);
    }

    [Fact]
    public async Task A_shop_without_a_token_or_scope_gets_a_reason_not_an_exception()
    {
        Assert.Equal(AdminAccess.Unavailable(AdminAccess.NoToken), await Provider().GetAsync(Shop, null, Cancel));

        await tokens.SaveAsync(Shop, new ShopAccess("shpat_x", ["read_orders"], time.GetUtcNow()), Cancel);

        Assert.Equal(AdminAccess.Unavailable("admin-scope-missing:write_discounts"), await Provider().GetAsync(Shop, "write_discounts", Cancel));
        Assert.Equal(AdminAccess.Available("shpat_x"), await Provider().GetAsync(Shop, "read_orders", Cancel));
    }

    [Fact]
    public async Task A_write_scope_implies_its_read_scope()
    {
        await tokens.SaveAsync(Shop, new ShopAccess("shpat_x", ["write_discounts"], time.GetUtcNow()), Cancel);

        Assert.True((await Provider().GetAsync(Shop, "read_discounts", Cancel)).IsAvailable);
    }

    [Fact]
    public async Task An_expiring_token_is_renewed_before_it_expires_and_stored()
    {
        var now = time.GetUtcNow();
        await tokens.SaveAsync(Shop, new ShopAccess("shpat_old", ["write_discounts"], now, now.AddMinutes(3), "shprt_1", now.AddDays(30)), Cancel);
        fake.ExpiresInSeconds = 3600;

        var access = await Provider().GetAsync(Shop, "write_discounts", Cancel);

        Assert.Equal(fake.TokenOf(Shop), access.AccessToken);
        Assert.Equal("shprt_1", Assert.Single(fake.Grants).Fields["refresh_token"]);
        Assert.Equal(fake.TokenOf(Shop), (await tokens.GetAsync(Shop, Cancel))!.AccessToken);
        Assert.DoesNotContain(access.AccessToken!, access.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_without_a_working_refresh_is_unavailable()
    {
        var now = time.GetUtcNow();
        await tokens.SaveAsync(Shop, new ShopAccess("shpat_old", ["write_discounts"], now.AddHours(-2), now.AddMinutes(-1)), Cancel);

        Assert.Equal(AdminAccess.Unavailable(AdminAccess.Expired), await Provider().GetAsync(Shop, null, Cancel));
    }

    [Fact]
    public async Task A_token_whose_key_was_removed_is_unreadable_not_an_exception()
    {
        await tokens.SaveAsync(Shop, new ShopAccess("shpat_x", ["read_orders"], time.GetUtcNow()), Cancel);
        var rotatedAway = new TableShopAccessTokens(tables, Keys("k2:" + Convert.ToBase64String(new byte[32])));

        Assert.Equal(AdminAccess.Unavailable(ShopAccessProvider.Unreadable), await Provider(rotatedAway).GetAsync(Shop, null, Cancel));
    }
}
