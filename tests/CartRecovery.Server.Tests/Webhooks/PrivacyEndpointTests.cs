using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Storage.Carts;
using CartRecovery.Testing;

namespace CartRecovery.Server.Tests.Webhooks;

/// <summary>The mandatory privacy webhooks and the merchant's privacy request endpoints, end to end.</summary>
public sealed class PrivacyEndpointTests
{
    private const string Shop = WebhookServer.Shop;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> GetAsync(WebhookServer server, string path, string? tokenShop = Shop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (tokenShop is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SessionTokens.For(tokenShop, DateTimeOffset.UtcNow));
        }

        return await server.Client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task Data_request_is_recorded_and_the_merchant_can_fetch_its_export()
    {
        await using var server = await WebhookServer.StartAsync();
        var t0 = server.Time.GetUtcNow();
        await server.PostAsync("checkouts/create", ShopifyPayloads.Checkout("ck-dr", t0));
        await server.PostAsync("customers/data_request", ShopifyPayloads.Privacy("customers_data_request", Shop, 603851970716743426, "zoe.nunez@example.com", null, requestId: 9999));

        string list = string.Empty;
        await WebhookServer.EventuallyAsync(
            async () =>
            {
                using var response = await GetAsync(server, $"/api/stores/{Shop}/privacy/requests");
                list = await response.Content.ReadAsStringAsync(Cancel);
                return response.StatusCode == HttpStatusCode.OK && list.Contains("9999", StringComparison.Ordinal);
            },
            "the data request to be listed");

        using var export = await GetAsync(server, $"/api/stores/{Shop}/privacy/requests/9999");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var document = JsonDocument.Parse(await export.Content.ReadAsStringAsync(Cancel));
        var cart = Assert.Single(document.RootElement.GetProperty("data").GetProperty("carts").EnumerateArray());
        Assert.Equal("ck-dr", cart.GetProperty("token").GetString());
    }

    [Fact]
    public async Task Privacy_requests_need_a_session_token_for_the_same_shop()
    {
        await using var server = await WebhookServer.StartAsync();

        using var anonymous = await GetAsync(server, $"/api/stores/{Shop}/privacy/requests", tokenShop: null);
        using var otherShop = await GetAsync(server, $"/api/stores/{Shop}/privacy/requests", tokenShop: "other-shop.myshopify.com");
        using var badShop = await GetAsync(server, "/api/stores/evil.example.com/privacy/requests");
        using var missing = await GetAsync(server, $"/api/stores/{Shop}/privacy/requests/12345");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherShop.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badShop.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Customers_redact_deletes_the_customers_checkouts()
    {
        await using var server = await WebhookServer.StartAsync();
        var t0 = server.Time.GetUtcNow();
        var carts = server.Service<TableCartRepository>();
        await server.PostAsync("checkouts/create", ShopifyPayloads.Checkout("ck-redact", t0));
        await server.PostAsync("checkouts/create", ShopifyPayloads.Checkout("ck-keep", t0, customerId: 7, email: "someone.else@example.com", phone: null));
        await WebhookServer.EventuallyAsync(async () => (await carts.LoadAsync(Shop, CartKind.Checkout, "ck-keep", Cancel)).Exists, "the checkouts");

        using var response = await server.PostAsync("customers/redact", ShopifyPayloads.Privacy("customers_redact", Shop, 603851970716743426, "zoe.nunez@example.com", "+4915112345678"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await WebhookServer.EventuallyAsync(async () => !(await carts.LoadAsync(Shop, CartKind.Checkout, "ck-redact", Cancel)).Exists, "the customer's checkout to be erased");
        Assert.True((await carts.LoadAsync(Shop, CartKind.Checkout, "ck-keep", Cancel)).Exists);
    }
}
