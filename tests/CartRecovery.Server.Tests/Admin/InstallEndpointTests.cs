using System.Net;
using System.Text.Json;
using CartRecovery.Core.Admin;
using CartRecovery.Core.Admin.Install;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Server.Tests.Messages;
using CartRecovery.Testing.Shopify;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Admin;

/// <summary>Both install flows through the real server against the fake Shopify on loopback, tokens stored encrypted on Azurite.</summary>
public sealed class InstallEndpointTests : IAsyncLifetime
{
    private const string Shop = "install-demo.myshopify.com";
    private const string Key = "k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private readonly HttpClient client = new(new SocketsHttpHandler { AllowAutoRedirect = false });
    private FakeShopifyAdmin fake = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => fake = await FakeShopifyAdmin.StartAsync();

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await fake.DisposeAsync();
    }

    private Task<ServerHost> StartAsync(string? key = Key) => ServerHost.StartAsync(new Dictionary<string, string?>
    {
        ["Shopify:ApiKey"] = FakeShopifyAdmin.ApiKey,
        ["Shopify:ApiSecrets:0"] = FakeShopifyAdmin.ApiSecret,
        ["Shopify:AdminBaseUrl"] = fake.AdminBaseUrl,
        ["App:PublicBaseUrl"] = "https://app.example",
        ["Security:EncryptionKeys:0"] = key,
    });

    private HttpRequestMessage Exchange(ServerHost server, string shop = Shop) => new(HttpMethod.Post, new Uri(server.BaseAddress, $"/api/stores/{shop}/install"))
    {
        Headers = { { "Authorization", SessionTokens.BearerFor(shop, FakeShopifyAdmin.ApiSecret, FakeShopifyAdmin.ApiKey) } },
    };

    [Fact]
    public async Task Token_exchange_stores_the_offline_token_encrypted_and_a_reinstall_replaces_it()
    {
        await using var server = await StartAsync();

        using var first = await client.SendAsync(Exchange(server), Cancel);
        var firstToken = fake.TokenOf(Shop);
        using var second = await client.SendAsync(Exchange(server), Cancel);
        var body = await second.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        using var status = JsonDocument.Parse(body);
        Assert.True(status.RootElement.GetProperty("installed").GetBoolean());
        Assert.Empty(status.RootElement.GetProperty("missingScopes").EnumerateArray());
        Assert.DoesNotContain("shpat_", body, StringComparison.Ordinal);
        var grant = fake.Grants[0];
        Assert.Equal("urn:ietf:params:oauth:grant-type:token-exchange", grant.Fields["grant_type"]);
        Assert.Equal(SessionTokens.BearerFor(Shop, FakeShopifyAdmin.ApiSecret, FakeShopifyAdmin.ApiKey)[7..].Split('.')[0], grant.Fields["subject_token"].Split('.')[0]);
        var stored = await server.Services.GetRequiredService<IShopAccessTokens>().GetAsync(Shop, Cancel);
        Assert.NotEqual(firstToken, stored!.AccessToken);
        Assert.Equal(fake.TokenOf(Shop), stored.AccessToken);
    }

    [Fact]
    public async Task Token_exchange_without_a_session_token_is_refused_before_calling_shopify()
    {
        await using var server = await StartAsync();

        using var response = await client.PostAsync(new Uri(server.BaseAddress, $"/api/stores/{Shop}/install"), null, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(fake.Grants);
    }

    [Fact]
    public async Task Without_an_encryption_key_the_install_fails_plainly_and_stores_nothing()
    {
        await using var server = await StartAsync(key: null);

        using var response = await client.SendAsync(Exchange(server), Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Security:EncryptionKeys", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Null(await server.Services.GetRequiredService<IShopAccessTokens>().GetAsync(Shop, Cancel));
    }

    [Fact]
    public async Task Code_grant_redirects_with_state_then_the_signed_callback_installs_once()
    {
        await using var server = await StartAsync();

        using var begin = await client.GetAsync(new Uri(server.BaseAddress, $"/api/auth/install?shop={Shop}"), Cancel);
        var authorize = begin.Headers.Location!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var callback = Signed(new() { ["code"] = fake.IssueCode(Shop), ["shop"] = Shop, ["state"] = query["state"].ToString(), ["timestamp"] = "1764763200", ["host"] = "YWRtaW4uc2hvcGlmeS5jb20vc3RvcmUvZGVtbw" });
        using var done = await client.GetAsync(new Uri(server.BaseAddress, "/api/auth/callback?" + callback), Cancel);
        using var replay = await client.GetAsync(new Uri(server.BaseAddress, "/api/auth/callback?" + callback), Cancel);

        Assert.Equal(HttpStatusCode.Redirect, begin.StatusCode);
        Assert.Equal(new Uri(fake.AdminBaseUrl.Replace("{shop}", Shop, StringComparison.Ordinal) + "/admin/oauth/authorize").AbsolutePath, authorize.AbsolutePath);
        Assert.Equal(FakeShopifyAdmin.ApiKey, query["client_id"]);
        Assert.Equal("read_orders,read_products,read_inventory,write_discounts", query["scope"]);
        Assert.Equal("https://app.example/api/auth/callback", query["redirect_uri"]);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.EndsWith($"/{Shop}/admin/apps/{FakeShopifyAdmin.ApiKey}", done.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(fake.TokenOf(Shop), (await server.Services.GetRequiredService<IShopAccessTokens>().GetAsync(Shop, Cancel))!.AccessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, replay.StatusCode);
        Assert.Single(fake.Grants);
    }

    [Fact]
    public async Task A_callback_with_a_bad_hmac_or_a_foreign_host_changes_nothing()
    {
        await using var server = await StartAsync();
        using var begin = await client.GetAsync(new Uri(server.BaseAddress, $"/api/auth/install?shop={Shop}"), Cancel);
        var state = QueryHelpers.ParseQuery(begin.Headers.Location!.Query)["state"].ToString();
        var code = fake.IssueCode(Shop);

        var tampered = Signed(new() { ["code"] = code, ["shop"] = Shop, ["state"] = state, ["timestamp"] = "1764763200" }).Replace("code=", "code=x", StringComparison.Ordinal);
        using var badHmac = await client.GetAsync(new Uri(server.BaseAddress, "/api/auth/callback?" + tampered), Cancel);
        using var foreign = await client.GetAsync(new Uri(server.BaseAddress, "/api/auth/callback?" + Signed(new() { ["code"] = code, ["shop"] = "evil.example.com", ["state"] = state, ["timestamp"] = "1764763200" })), Cancel);
        using var badInstall = await client.GetAsync(new Uri(server.BaseAddress, $"/api/auth/install?shop=evil.example.com"), Cancel);
        using var good = await client.GetAsync(new Uri(server.BaseAddress, "/api/auth/callback?" + Signed(new() { ["code"] = code, ["shop"] = Shop, ["state"] = state, ["timestamp"] = "1764763200" })), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, badHmac.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badInstall.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode); // the refusals did not consume the state
        Assert.Single(fake.Grants);
    }

    private static string Signed(Dictionary<string, string> query)
    {
        query["hmac"] = OAuthQuerySignature.Sign(query, FakeShopifyAdmin.ApiSecret);
        return string.Join('&', query.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }
}
