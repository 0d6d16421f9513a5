using Azure.Data.Tables;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Tables;
using CartRecovery.Storage.Webhooks;

namespace CartRecovery.Server.Tests.Webhooks;

/// <summary><c>GET /api/stores/{shop}/webhooks/dead-letters</c> on the real server: the shop's dead letters, behind the merchant session token.</summary>
public sealed class DeadLetterEndpointTests
{
    private const string Shop = WebhookServer.Shop;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> GetAsync(WebhookServer server, string? tokenShop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/stores/{Shop}/webhooks/dead-letters");
        if (tokenShop is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SessionTokens.For(tokenShop, DateTimeOffset.UtcNow));
        }

        return await server.Client.SendAsync(request, Cancel);
    }

    [Fact]
    public async Task Lists_the_shops_dead_letters_to_a_session_token_of_that_shop_only()
    {
        await using var server = await WebhookServer.StartAsync();
        var partitions = server.Service<WebhookOptions>().Partitions;
        var inbox = await server.TableAsync(TableWebhookInbox.TableName);
        foreach (var (shop, id) in new[] { (Shop, "wh-dead-1"), ("other-shop.myshopify.com", "wh-dead-other") })
        {
            await inbox.AddEntityAsync(
                new TableEntity(InboxPartitions.For(shop, partitions), InboxRows.DeadKey(InboxRows.PendingKey(id)))
                {
                    ["Shop"] = shop, ["Topic"] = "checkouts/create", ["WebhookId"] = id, ["ReceivedAt"] = server.Time.GetUtcNow(), ["Attempts"] = 10, ["DeadLetteredAt"] = server.Time.GetUtcNow(),
                },
                Cancel);
        }

        using var listed = await GetAsync(server, Shop);
        using var anonymous = await GetAsync(server, null);
        using var otherShop = await GetAsync(server, "other-shop.myshopify.com");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var letters = JsonDocument.Parse(await listed.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("deadLetters").EnumerateArray().ToList();
        var letter = Assert.Single(letters);
        Assert.Equal(("wh-dead-1", "checkouts/create", 10), (letter.GetProperty("webhookId").GetString(), letter.GetProperty("topic").GetString(), letter.GetProperty("attempts").GetInt32()));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherShop.StatusCode);
    }
}
