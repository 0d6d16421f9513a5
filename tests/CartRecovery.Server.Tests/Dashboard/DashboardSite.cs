using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CartRecovery.Core.Workflow;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Testing;

namespace CartRecovery.Server.Tests.Dashboard;

/// <summary>
/// The real server in the Development environment (so the development login works) with MailDev, a three-step sequence
/// (1 h, 5 d, 6 d at an hour per 6 seconds, so recoveries stay active during the tests), three abandoned checkouts (one
/// shopper with a hostile name), one recovery stopped with a hostile note, and a customer data request.
/// </summary>
public sealed class DashboardSite : IAsyncLifetime
{
    public const string Shop = "dev-shop.myshopify.com";
    public const string Secret = "dashboard-secret";
    public const string Hostile = "<img id=\"injected\" src=x onerror=\"window.__xss=1\"> Zoë & \"Co\"";
    public const string HostileNote = "<script>window.__xss=2</script><b id=\"injected\">bold</b>";

    private MailDevServer mail = null!;

    public ServerHost Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IReadOnlyList<string> ActiveIds { get; private set; } = [];

    public string StoppedId { get; private set; } = string.Empty;

    public string HostileId { get; private set; } = string.Empty;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        mail = await MailDevServer.StartAsync();
        Server = await ServerHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Shopify:ApiSecrets:0"] = Secret,
                ["Dashboard:DevShop"] = Shop,
                ["Recovery:TimeScale"] = "600",
                ["Email:Provider"] = "Smtp",
                ["Email:Smtp:Host"] = "127.0.0.1",
                ["Email:Smtp:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["App:SigningKey"] = "dashboard-signing-key-0123456789abcdef",
            },
            environment: "Development");
        Client = new HttpClient { BaseAddress = Server.BaseAddress };

        var config = """
            { "abandonmentThreshold": "01:00:00", "highValueAmount": 500, "expiry": "7.00:00:00", "restartOnCartChange": false,
              "incentivesEnabled": false, "onStepFailure": "continueWithNextStep",
              "sequences": { "default": [
                { "id": "email-1h", "delay": "01:00:00", "channel": "email", "intent": "helpfulReminder" },
                { "id": "email-5d", "delay": "5.00:00:00", "channel": "email", "intent": "socialProof" },
                { "id": "email-6d", "delay": "6.00:00:00", "channel": "email", "intent": "scarcity" } ] } }
            """;
        using (var put = await ApiAsync(HttpMethod.Put, "config", config))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var tokens = new[] { "ck-dash-a", "ck-dash-b", "ck-dash-c" };
        for (var i = 0; i < tokens.Length; i++)
        {
            var node = JsonNode.Parse(ShopifyPayloads.Checkout(tokens[i], DateTimeOffset.UtcNow, customerId: 7000 + i, cartToken: "cart-" + tokens[i], email: $"shopper{i}@example.com"))!;
            if (i == 0)
            {
                node["customer"]!["first_name"] = Hostile;
                if (node["billing_address"] is JsonObject billing)
                {
                    billing["first_name"] = Hostile;
                }
            }

            await WebhookAsync("checkouts/create", ShopifyPayloads.Bytes(node));
        }

        var ids = tokens.Select(t => WorkflowId.For(Shop, t).Value).ToList();
        foreach (var id in ids)
        {
            await Eventually.UntilAsync(async () => (await SequenceAsync(id)) is { } s && s.GetProperty("steps").GetArrayLength() >= 1, TimeSpan.FromSeconds(60), $"recovery {id} sent its first step");
        }

        HostileId = ids[0];
        StoppedId = ids[2];
        ActiveIds = ids[..2];
        using (var stop = await ApiAsync(HttpMethod.Post, $"sequences/{StoppedId}/stop", JsonSerializer.Serialize(new { reason = HostileNote })))
        {
            Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        }

        await Eventually.UntilAsync(async () => (await SequenceAsync(StoppedId))?.GetProperty("status").GetString() == "stopped", TimeSpan.FromSeconds(30), "the recovery stopped");
        await WebhookAsync("customers/data_request", ShopifyPayloads.Privacy("customers_data_request", Shop, 7001, "shopper1@example.com", null, requestId: 9911));
        await Eventually.UntilAsync(async () => (await ApiJsonAsync("privacy/requests"))?.ToString().Contains("9911", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30), "the data request is listed");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        await mail.DisposeAsync();
    }

    /// <summary>A development session token, fetched the way the page fetches it.</summary>
    public async Task<string> TokenAsync()
    {
        using var response = await Client.PostAsync("api/app/dev-session", null, Cancel);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return json.RootElement.GetProperty("token").GetString()!;
    }

    public async Task<HttpResponseMessage> ApiAsync(HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, $"api/stores/{Shop}/{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync());
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request, Cancel);
    }

    public async Task<JsonElement?> ApiJsonAsync(string path)
    {
        using var response = await ApiAsync(HttpMethod.Get, path);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        return json.RootElement.Clone();
    }

    public Task<JsonElement?> SequenceAsync(string id) => ApiJsonAsync($"sequences/{id}");

    private async Task WebhookAsync(string topic, byte[] body)
    {
        using var request = ShopifyWebhookRequest.Create(topic, Shop, body, Secret);
        using var response = await Client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
