using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Errors;
using CartRecovery.Core.Shopify;
using CartRecovery.Integrations.ShopifyAdmin;
using CartRecovery.Testing.Shopify;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.ShopifyAdmin;

public sealed class ShopifyOAuthClientTests : IAsyncLifetime
{
    private const string Shop = "demo.myshopify.com";
    private readonly HttpClient http = new();
    private FakeShopifyAdmin fake = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => fake = await FakeShopifyAdmin.StartAsync();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await fake.DisposeAsync();
    }

    private ShopifyOAuthClient Client(string secret = FakeShopifyAdmin.ApiSecret) => new(
        http,
        Options.Create(new ShopifyOptions { ApiKey = FakeShopifyAdmin.ApiKey, ApiSecrets = [secret, "older-secret"] }),
        Options.Create(new ShopifyAdminOptions { AdminBaseUrl = fake.AdminBaseUrl }),
        TimeProvider.System);

    [Fact]
    public async Task Token_exchange_sends_the_session_token_as_an_id_token_for_an_offline_token()
    {
        var access = await Client().ExchangeSessionTokenAsync(Shop, "header.payload.signature", Cancel);

        Assert.Equal(fake.TokenOf(Shop), access.AccessToken);
        Assert.Equal(["read_orders", "read_products", "read_inventory", "write_discounts"], access.Scopes);
        Assert.Null(access.ExpiresAt);
        var grant = Assert.Single(fake.Grants);
        Assert.Equal(Shop, grant.Shop);
        Assert.Equal("header.payload.signature", grant.Fields["subject_token"]);
        Assert.Equal(FakeShopifyAdmin.ApiSecret, grant.Fields["client_secret"]);
        Assert.DoesNotContain(access.AccessToken, access.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expiring_grant_carries_its_expiry_and_refresh_token_and_refreshes()
    {
        fake.ExpiresInSeconds = 3600;

        var access = await Client().ExchangeSessionTokenAsync(Shop, "session", Cancel);
        var renewed = await Client().RefreshAsync(Shop, access.RefreshToken!, Cancel);

        Assert.InRange(access.ExpiresAt!.Value - access.GrantedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
        Assert.NotNull(access.RefreshToken);
        Assert.NotEqual(access.AccessToken, renewed.AccessToken);
        Assert.Equal("refresh_token", fake.Grants[1].Fields["grant_type"]);
    }

    [Fact]
    public async Task A_code_is_traded_once()
    {
        var code = fake.IssueCode(Shop);

        var access = await Client().ExchangeCodeAsync(Shop, code, Cancel);
        var replay = await Assert.ThrowsAsync<AdminApiException>(() => Client().ExchangeCodeAsync(Shop, code, Cancel));

        Assert.Equal(fake.TokenOf(Shop), access.AccessToken);
        Assert.Equal(400, replay.Status);
    }

    [Fact]
    public async Task A_wrong_client_secret_is_refused_without_echoing_it()
    {
        var failure = await Assert.ThrowsAsync<AdminApiException>(() => Client("not-the-secret").ExchangeSessionTokenAsync(Shop, "session", Cancel));

        Assert.Equal(401, failure.Status);
        Assert.DoesNotContain("not-the-secret", failure.Message, StringComparison.Ordinal);
    }
}
