using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Server.Tests.Workflow;
using static CartRecovery.Server.Tests.Workflow.WorkflowTestData;

namespace CartRecovery.Server.Tests.Targeting;

/// <summary><c>/api/stores/{shop}/contact-rules</c> over real HTTP on Azurite: defaults, a whole save, a refusal that changes nothing.</summary>
public sealed class ContactRulesApiTests : IAsyncLifetime
{
    private ServerHost host = null!;
    private HttpClient client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

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

    [Theory]
    [InlineData("GET", "contact-rules")]
    [InlineData("PUT", "contact-rules")]
    [InlineData("GET", "contact-rules/stats")]
    public async Task Every_endpoint_refuses_a_missing_or_foreign_token(string method, string path)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(method, path, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(method, path, SessionTokens.For("other.myshopify.com"))).StatusCode);
    }

    [Fact]
    public async Task A_shop_without_rules_gets_the_defaults()
    {
        var json = await JsonAsync(await SendAsync("GET", "contact-rules", SessionTokens.For(Shop)), HttpStatusCode.OK);

        Assert.Equal(["trust", "cart-value", "eligibility", "inventory", "quiet-hours", "send-time", "klaviyo", "frequency-cap"], json.GetProperty("filters").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("minimumCartValue").ValueKind);
        Assert.Equal(16, json.GetProperty("smartSending").GetProperty("emailHours").GetDouble());
        Assert.Equal(2, json.GetProperty("recoveryCap").GetProperty("maxMessages").GetInt32());
        Assert.Equal("skip", json.GetProperty("onCap").GetString());
        Assert.Equal("08:00:00", json.GetProperty("quietHours").GetProperty("sms").GetProperty("start").GetString());
        Assert.Equal("21:00:00", json.GetProperty("quietHours").GetProperty("sms").GetProperty("end").GetString());
        Assert.Equal("send", json.GetProperty("klaviyo").GetProperty("onUnavailable").GetString());
    }

    [Fact]
    public async Task Saved_rules_are_read_back_and_bad_rules_change_nothing()
    {
        const string Rules = """{"filters":["trust","cart-value","frequency-cap"],"minimumCartValue":50,"onCap":"defer","recoveryCap":{"maxMessages":3,"windowDays":7}}""";

        await JsonAsync(await SendAsync("PUT", "contact-rules", SessionTokens.For(Shop), Rules), HttpStatusCode.OK);
        var saved = await (await SendAsync("GET", "contact-rules", SessionTokens.For(Shop))).Content.ReadAsStringAsync(Cancel);

        var json = JsonDocument.Parse(saved).RootElement;
        Assert.Equal(50m, json.GetProperty("minimumCartValue").GetDecimal());
        Assert.Equal("defer", json.GetProperty("onCap").GetString());
        Assert.Equal(3, json.GetProperty("recoveryCap").GetProperty("maxMessages").GetInt32());
        Assert.Equal(24, json.GetProperty("smartSending").GetProperty("smsHours").GetDouble()); // left out: the default

        var problem = await JsonAsync(
            await SendAsync("PUT", "contact-rules", SessionTokens.For(Shop), """{"filters":["teleport"],"minimumCartValue":-1,"quietHours":{"sms":{"start":"22:00:00","end":"08:00:00"}}}"""),
            HttpStatusCode.BadRequest);
        Assert.Equal(["filters", "minimumCartValue", "quietHours.sms"], problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("PUT", "contact-rules", SessionTokens.For(Shop), """{"unknownSetting":1}""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("PUT", "contact-rules", SessionTokens.For(Shop), "not json")).StatusCode);
        Assert.Equal(saved, await (await SendAsync("GET", "contact-rules", SessionTokens.For(Shop))).Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Stats_refuse_a_bad_range_and_answer_an_empty_one()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("GET", "contact-rules/stats?from=2026-13-01", SessionTokens.For(Shop))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync("GET", "contact-rules/stats?from=2026-06-10&to=2026-06-01", SessionTokens.For(Shop))).StatusCode);

        var json = await JsonAsync(await SendAsync("GET", "contact-rules/stats?from=2026-06-01&to=2026-06-10", SessionTokens.For(Shop)), HttpStatusCode.OK);
        Assert.Equal(0, json.GetProperty("counts").GetArrayLength());
    }

    private Task<HttpResponseMessage> SendAsync(string method, string relative, string? token, string? body = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/stores/{Shop}/{relative}");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null || method is "PUT" or "POST")
        {
            request.Content = new StringContent(body ?? "{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, Cancel);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == expected, $"expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
