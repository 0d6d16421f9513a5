using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Errors;
using CartRecovery.Storage.Admin;
using CartRecovery.Storage.Security;
using CartRecovery.Storage.Tests.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Tests.Admin;

public sealed class ShopAccessStorageTests
{
    private const string Shop = "demo.myshopify.com";
    private const string OldKey = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static readonly string NewKey = "k2:" + Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly ShopAccess Access = new("shpat_secret_token_value", ["read_orders", "write_discounts"], Now, Now.AddHours(1), "shprt_refresh_value", Now.AddDays(90));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<StorageTables> TablesAsync() =>
        new(new TableServiceClient(await AzuriteServer.Shared()), Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));

    private static SecretKeyRing Keys(params string[] keys) => new(Options.Create(new SecurityOptions { EncryptionKeys = [.. keys] }));

    [Fact]
    public async Task Tokens_are_encrypted_at_rest_and_read_back()
    {
        var tables = await TablesAsync();
        var store = new TableShopAccessTokens(tables, Keys(OldKey));

        await store.SaveAsync(Shop, Access, Cancel);

        var row = (await (await tables.GetAsync(TableShopAccessTokens.TableName, Cancel)).GetEntityAsync<TableEntity>(Shop, "shop", cancellationToken: Cancel)).Value;
        var stored = string.Join('|', row.Select(p => p.Value?.ToString()));
        Assert.DoesNotContain("shpat_secret_token_value", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("shprt_refresh_value", stored, StringComparison.Ordinal);
        Assert.StartsWith("v1:k1:", row.GetString("AccessToken"), StringComparison.Ordinal);
        Assert.Equal(Access with { Scopes = Access.Scopes }, await store.GetAsync(Shop, Cancel), new AccessComparer());
    }

    [Fact]
    public async Task After_rotation_the_newest_key_encrypts_and_the_old_one_still_decrypts()
    {
        var tables = await TablesAsync();
        await new TableShopAccessTokens(tables, Keys(OldKey)).SaveAsync(Shop, Access, Cancel);
        var rotated = new TableShopAccessTokens(tables, Keys(NewKey, OldKey));

        Assert.Equal("shpat_secret_token_value", (await rotated.GetAsync(Shop, Cancel))!.AccessToken);

        await rotated.SaveAsync(Shop, Access with { AccessToken = "shpat_after_rotation" }, Cancel);
        var row = (await (await tables.GetAsync(TableShopAccessTokens.TableName, Cancel)).GetEntityAsync<TableEntity>(Shop, "shop", cancellationToken: Cancel)).Value;
        Assert.StartsWith("v1:k2:", row.GetString("AccessToken"), StringComparison.Ordinal);
        Assert.Equal("shpat_after_rotation", (await new TableShopAccessTokens(tables, Keys(NewKey)).GetAsync(Shop, Cancel))!.AccessToken);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => new TableShopAccessTokens(tables, Keys(OldKey)).GetAsync(Shop, Cancel));
    }

    [Fact]
    public void A_value_moved_to_another_shop_or_altered_does_not_decrypt()
    {
        var keys = Keys(OldKey);
        var sealedValue = keys.Protect("token", "ShopAccess|a.myshopify.com|AccessToken");
        var bytes = Convert.FromBase64String(sealedValue.Split(':')[2]);
        bytes[^1] ^= 1;

        Assert.Equal("token", keys.Unprotect(sealedValue, "ShopAccess|a.myshopify.com|AccessToken"));
        Assert.ThrowsAny<CryptographicException>(() => keys.Unprotect(sealedValue, "ShopAccess|b.myshopify.com|AccessToken"));
        Assert.ThrowsAny<CryptographicException>(() => keys.Unprotect("v1:k1:" + Convert.ToBase64String(bytes), "ShopAccess|a.myshopify.com|AccessToken"));
    }

    [Fact]
    public async Task Without_a_key_nothing_is_stored_in_clear()
    {
        var tables = await TablesAsync();

        await Assert.ThrowsAsync<SecretStorageUnavailableException>(() => new TableShopAccessTokens(tables, Keys()).SaveAsync(Shop, Access, Cancel));

        Assert.Null(await new TableShopAccessTokens(tables, Keys(OldKey)).GetAsync(Shop, Cancel));
    }

    [Theory]
    [InlineData("k1:AAEC")]
    [InlineData("no-separator")]
    [InlineData("bad id:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]
    public void Malformed_keys_are_refused_at_start(string key)
    {
        Assert.True(new SecurityOptionsValidator().Validate(null, new SecurityOptions { EncryptionKeys = [key] }).Failed);
        Assert.True(new SecurityOptionsValidator().Validate(null, new SecurityOptions { EncryptionKeys = [OldKey, OldKey] }).Failed);
        Assert.True(new SecurityOptionsValidator().Validate(null, new SecurityOptions { EncryptionKeys = [OldKey, NewKey] }).Succeeded);
    }

    [Fact]
    public async Task An_install_nonce_is_consumed_once_for_its_shop_before_it_expires()
    {
        var nonces = new TableInstallNonces(await TablesAsync());
        var first = await nonces.IssueAsync(Shop, Now.AddMinutes(10), Cancel);
        var second = await nonces.IssueAsync(Shop, Now.AddMinutes(10), Cancel);
        var expired = await nonces.IssueAsync(Shop, Now.AddMinutes(-1), Cancel);

        Assert.False(await nonces.ConsumeAsync("other.myshopify.com", second, Now, Cancel));
        Assert.True(await nonces.ConsumeAsync(Shop, first, Now, Cancel));
        Assert.False(await nonces.ConsumeAsync(Shop, first, Now, Cancel));
        Assert.False(await nonces.ConsumeAsync(Shop, second, Now, Cancel)); // consumed by the wrong shop's attempt
        Assert.False(await nonces.ConsumeAsync(Shop, expired, Now, Cancel));
        Assert.False(await nonces.ConsumeAsync(Shop, "' or 1 eq 1", Now, Cancel));
    }

    [Fact]
    public async Task App_uninstalled_and_shop_redact_delete_the_token()
    {
        var s = await WebhookStorage.CreateAsync();
        await s.AccessTokens.SaveAsync(WebhookStorage.Shop, Access, Cancel);

        await s.DeliverAsync("app/uninstalled", Encoding.UTF8.GetBytes(ShopifyFixtures.Text("app_uninstalled")), triggeredAt: s.Time.GetUtcNow());
        Assert.Null(await s.AccessTokens.GetAsync(WebhookStorage.Shop, Cancel));

        await s.AccessTokens.SaveAsync(WebhookStorage.Shop, Access, Cancel); // reinstalled
        await s.DeliverAsync("shop/redact", Encoding.UTF8.GetBytes(ShopifyFixtures.Text("shop_redact")));
        Assert.Null(await s.AccessTokens.GetAsync(WebhookStorage.Shop, Cancel));
    }

    [Fact]
    public async Task The_access_part_lives_in_the_shop_row_beside_the_other_parts_without_overwriting_them()
    {
        var s = await WebhookStorage.CreateAsync();
        var at = s.Time.GetUtcNow();
        await s.Shops.RecordContactAsync(WebhookStorage.Shop, at, Cancel);

        await s.AccessTokens.SaveAsync(WebhookStorage.Shop, Access, Cancel);
        await s.Shops.MarkUninstalledAsync(WebhookStorage.Shop, at.AddMinutes(1), Cancel); // a part change rewrites the row on its ETag
        var kept = await s.AccessTokens.GetAsync(WebhookStorage.Shop, Cancel);
        await s.AccessTokens.SaveAsync(WebhookStorage.Shop, Access with { AccessToken = "shpat_reinstalled", RefreshToken = null, ExpiresAt = null, RefreshTokenExpiresAt = null }, Cancel);
        var replaced = await s.AccessTokens.GetAsync(WebhookStorage.Shop, Cancel);
        await s.AccessTokens.DeleteAsync(WebhookStorage.Shop, Cancel);

        Assert.Equal(Access.AccessToken, kept!.AccessToken);
        Assert.Equal("shpat_reinstalled", replaced!.AccessToken);
        Assert.Null(replaced.RefreshToken);
        Assert.Null(await s.AccessTokens.GetAsync(WebhookStorage.Shop, Cancel));
        Assert.Equal(at.AddMinutes(1), (await s.Shops.GetAsync(WebhookStorage.Shop, Cancel)).Install.UninstalledAt);
    }

    private sealed class AccessComparer : IEqualityComparer<ShopAccess?>
    {
        public bool Equals(ShopAccess? x, ShopAccess? y) =>
            x is not null && y is not null && x.AccessToken == y.AccessToken && x.Scopes.SequenceEqual(y.Scopes) && x.GrantedAt == y.GrantedAt
            && x.ExpiresAt == y.ExpiresAt && x.RefreshToken == y.RefreshToken && x.RefreshTokenExpiresAt == y.RefreshTokenExpiresAt;

        public int GetHashCode(ShopAccess? obj) => 0;
    }
}
