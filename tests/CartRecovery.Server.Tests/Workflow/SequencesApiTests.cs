using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>The merchant API for recoveries and configuration over real HTTP, with the runner applying stops and restarts.</summary>
public sealed class SequencesApiTests : IAsyncLifetime
{
    private ServerHost host = null!;
    private HttpClient client = null!;

    public async ValueTask InitializeAsync()
    {
        host = await ServerHost.StartAsync();
        client = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
    }

    public static TheoryData<string, string> Endpoints { get; } = new()
    {
        { "GET", "sequences" },
        { "GET", "sequences/cart-0" },
        { "POST", "sequences/cart-0/stop" },
        { "POST", "sequences/cart-0/restart" },
        { "GET", "config" },
        { "PUT", "config" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Every_endpoint_refuses_missing_bad_expired_or_foreign_tokens(string method, string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(method, path, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(method, path, SessionTokens.For(Shop, secret: "wrong"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(method, path, SessionTokens.For(Shop, expiresIn: TimeSpan.FromMinutes(-5)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(method, path, SessionTokens.For(Shop, audience: "other-app"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(method, path, SessionTokens.For("other.myshopify.com"))).StatusCode);
    }

    [Fact]
    public async Task A_store_without_configuration_gets_the_default_sequence()
    {
        using var response = await SendAsync("GET", "config", SessionTokens.For(Shop));

        var json = await JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("01:00:00", json.GetProperty("abandonmentThreshold").GetString());
        Assert.Equal(500m, json.GetProperty("highValueAmount").GetDecimal());
        Assert.Equal(
            ["popup-1h", "email-2h", "email-24h", "email-48h", "email-72h"],
            json.GetProperty("sequences").GetProperty("default").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_valid_configuration_is_saved_whole()
    {
        var body = JsonSerializer.Serialize(ThreeSteps with { IncentivesEnabled = true, HighValueAmount = 250m }, WorkflowJson.Options);

        using var put = await SendAsync("PUT", "config", SessionTokens.For(Shop), body);
        using var get = await SendAsync("GET", "config", SessionTokens.For(Shop));

        await JsonAsync(put, HttpStatusCode.OK);
        var json = await JsonAsync(get, HttpStatusCode.OK);
        Assert.True(json.GetProperty("incentivesEnabled").GetBoolean());
        Assert.Equal(250m, json.GetProperty("highValueAmount").GetDecimal());
        Assert.Equal(["s1", "s2", "s3"], json.GetProperty("sequences").GetProperty("default").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_bad_configuration_is_refused_listing_every_problem_and_nothing_changes()
    {
        var before = await (await SendAsync("GET", "config", SessionTokens.For(Shop))).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var bad = """
            {
              "abandonmentThreshold": "00:00:10", "highValueAmount": -1, "expiry": "2.00:00:00",
              "restartOnCartChange": false, "incentivesEnabled": true, "onStepFailure": "continueWithNextStep",
              "sequences": {
                "default": [
                  { "id": "Bad Id", "delay": "03:00:00", "channel": "email", "intent": "helpfulReminder" },
                  { "id": "late", "delay": "01:00:00", "channel": "sms", "intent": "scarcity", "conditions": { "minCartValue": -5 } },
                  { "id": "late", "delay": "3.00:00:00", "channel": "push", "intent": "finalOffer" }
                ],
                "vip": []
              }
            }
            """;

        using var response = await SendAsync("PUT", "config", SessionTokens.For(Shop), bad);

        var json = await JsonAsync(response, HttpStatusCode.BadRequest);
        var fields = json.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(
            new[]
            {
                "abandonmentThreshold", "highValueAmount", "sequences.default[0].id", "sequences.default[1].delay",
                "sequences.default[1].conditions.minCartValue", "sequences.default[2].id", "sequences.default[2].delay", "sequences.vip",
            }.Order(),
            fields.Order());
        var after = await (await SendAsync("GET", "config", SessionTokens.For(Shop))).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "abandonmentThreshold": "01:00:00", "typo": 1 }""")]
    [InlineData("""{ "sequences": { "default": [ { "id": "a", "delay": "01:00:00", "channel": "fax", "intent": "scarcity" } ] } }""")]
    [InlineData("[]")]
    public async Task A_malformed_configuration_is_a_400_with_a_reason(string body)
    {
        using var response = await SendAsync("PUT", "config", SessionTokens.For(Shop), body);

        var json = await JsonAsync(response, HttpStatusCode.BadRequest);
        Assert.False(string.IsNullOrEmpty(json.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task Sequences_are_listed_by_status_page_by_page()
    {
        await StartAsync("list-a", "list-b", "list-c");

        using var first = await SendAsync("GET", "sequences?status=active&pageSize=2", SessionTokens.For(Shop));
        var page1 = await JsonAsync(first, HttpStatusCode.OK);
        var token = page1.GetProperty("continuationToken").GetString();
        using var second = await SendAsync("GET", $"sequences?status=active&pageSize=2&continuationToken={Uri.EscapeDataString(token!)}", SessionTokens.For(Shop));
        var page2 = await JsonAsync(second, HttpStatusCode.OK);
        using var stopped = await SendAsync("GET", "sequences?status=stopped", SessionTokens.For(Shop));

        var items = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(2, page1.GetProperty("items").GetArrayLength());
        Assert.Equal(["list-a", "list-b", "list-c"], items.Select(i => i.GetProperty("cartKey").GetString()).Order());
        Assert.All(items, i => Assert.Equal("s1", i.GetProperty("nextStep").GetString()));
        Assert.All(items, i => Assert.Equal("firstTime", i.GetProperty("segment").GetString()));
        Assert.Equal(0, (await JsonAsync(stopped, HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("sequences?status=paused")]
    [InlineData("sequences?pageSize=0")]
    [InlineData("sequences?pageSize=many")]
    [InlineData("sequences?continuationToken=%%%")]
    [InlineData("sequences?continuationToken=garbage")]
    [InlineData("sequences?status=active&continuationToken=MSFzZXF1ZW5jZQ")]
    public async Task Bad_listing_parameters_are_a_400(string path)
    {
        using var response = await SendAsync("GET", path, SessionTokens.For(Shop));

        await JsonAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Over_long_continuation_token_is_a_400_not_a_500()
    {
        using var response = await SendAsync("GET", "sequences?continuationToken=" + new string('A', 5000), SessionTokens.For(Shop));

        await JsonAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_merchant_stops_a_recovery_with_a_reason_and_restarts_it()
    {
        await StartAsync("stop-me");
        var id = WorkflowId.For(Shop, "stop-me").Value;

        using var noReason = await SendAsync("POST", $"sequences/{id}/stop", SessionTokens.For(Shop), "{}");
        using var stop = await SendAsync("POST", $"sequences/{id}/stop", SessionTokens.For(Shop), """{ "reason": "customer called" }""");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        var stopped = await EventuallyStatusAsync(id, "stopped");
        Assert.Equal("merchantStopped", stopped.GetProperty("stopReason").GetString());
        Assert.Equal("customer called", stopped.GetProperty("stopNote").GetString());
        using var again = await SendAsync("POST", $"sequences/{id}/stop", SessionTokens.For(Shop), """{ "reason": "twice" }""");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        using var restart = await SendAsync("POST", $"sequences/{id}/restart", SessionTokens.For(Shop));

        Assert.Equal(HttpStatusCode.Accepted, restart.StatusCode);
        var restarted = await EventuallyStatusAsync(id, "active");
        Assert.Equal("s1.r1", restarted.GetProperty("nextStep").GetString());
    }

    [Fact]
    public async Task A_purchased_recovery_cannot_be_restarted_and_unknown_ids_are_404()
    {
        await StartAsync("bought");
        var id = WorkflowId.For(Shop, "bought");
        await host.Services.GetRequiredService<IRecoveryWorkflows>().SignalAsync(id, new OrderPlaced(DateTimeOffset.UtcNow, 1, 80m, "EUR", [], null), TestContext.Current.CancellationToken);
        await EventuallyStatusAsync(id.Value, "stopped");

        using var restart = await SendAsync("POST", $"sequences/{id.Value}/restart", SessionTokens.For(Shop));
        using var unknown = await SendAsync("GET", "sequences/cart-00000000000000000000000000000000", SessionTokens.For(Shop));
        using var otherShop = await SendAsync("GET", $"sequences/{id.Value}", SessionTokens.For("other.myshopify.com"), path: "other.myshopify.com");

        Assert.Equal(HttpStatusCode.Conflict, restart.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherShop.StatusCode);
    }

    private async Task StartAsync(params string[] cartKeys)
    {
        var ct = TestContext.Current.CancellationToken;
        await host.Services.GetRequiredService<Core.Shops.IShopRepository>().SaveRecoverySettingsAsync(Shop, ThreeSteps, ct);
        foreach (var key in cartKeys)
        {
            await host.Services.GetRequiredService<IRecoveryWorkflows>().StartAsync(Cart(key), DateTimeOffset.UtcNow, ct);
        }
    }

    private async Task<JsonElement> EventuallyStatusAsync(string id, string status)
    {
        JsonElement latest = default;
        await EventuallyAsync(
            async () =>
            {
                using var response = await SendAsync("GET", $"sequences/{id}", SessionTokens.For(Shop));
                latest = await JsonAsync(response, HttpStatusCode.OK);
                return latest.GetProperty("status").GetString() == status;
            },
            TimeSpan.FromSeconds(20),
            $"the recovery is {status}");
        return latest;
    }

    private Task<HttpResponseMessage> SendAsync(string method, string relative, string? token, string? body = null, string path = Shop)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/stores/{path}/{relative}");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null || method is "PUT" or "POST")
        {
            request.Content = new StringContent(body ?? "{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
