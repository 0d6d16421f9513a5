using System.Text.Json;
using CartRecovery.Core.Analytics;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Ga4;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Integrations.Tests.Ga4;

/// <summary>The Measurement Protocol client against a local server that enforces GA4's limits and answers as /mp/collect does.</summary>
public sealed class Ga4ClientTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_go_in_requests_of_at_most_25_within_the_limits_with_the_ids_in_the_query()
    {
        await using var ga4 = await LoopbackHttpServer.StartAsync();
        var problems = new List<string>();
        ga4.Respond = (request, context) => Enforce(request, context, problems);
        var client = new Ga4Client(new HttpClient(), new Ga4Options { BaseUrl = ga4.BaseAddress }, TimeProvider.System);
        var events = Enumerable.Range(0, 60).Select(i => new Ga4Event("recovery_message_sent", new Dictionary<string, object> { ["content"] = $"step-{i}", ["note"] = new string('x', 150) })).ToList();

        var ok = await client.SendAsync("G-TEST123", "s3cr3t", "123.456", events, Cancel);

        Assert.True(ok);
        Assert.Empty(problems);
        Assert.Equal([25, 25, 10], ga4.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("events").GetArrayLength()));
        Assert.All(ga4.Requests, r => Assert.Equal("/mp/collect", r.Path));
        Assert.All(ga4.Requests, r => Assert.Contains("measurement_id=G-TEST123", r.QueryString, StringComparison.Ordinal));
        Assert.All(ga4.Requests, r => Assert.Equal("123.456", JsonDocument.Parse(r.Body).RootElement.GetProperty("client_id").GetString()));
    }

    [Fact]
    public async Task A_purchase_carries_transaction_value_currency_and_the_links_utm_values_and_a_5xx_is_retried()
    {
        await using var ga4 = await LoopbackHttpServer.StartAsync();
        var problems = new List<string>();
        var calls = 0;
        ga4.Respond = (request, context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 503;
                return Task.CompletedTask;
            }

            return Enforce(request, context, problems);
        };
        var client = new Ga4Client(new HttpClient(), new Ga4Options { BaseUrl = ga4.BaseAddress }, TimeProvider.System);
        var order = new OrderAttribution("s.myshopify.com", "5001", "rec-1", "email-1", Channel.Email, "e1:a", MatchRoute.CheckoutToken, null, null, DateTimeOffset.UtcNow, 80.5m, "EUR", 88m, "USD", 0m, 0m, false);
        var purchase = Ga4RecoveryEvents.From(new RecoveryEventNotice(RecoveryEventKind.Recovered, order.Shop, "rec-1", null, "email-1", Channel.Email, "e1:a", null, DateTimeOffset.UtcNow, order))!;

        Assert.True(await client.SendAsync("G-TEST123", "s3cr3t", Ga4ClientId.Pseudonymous("s.myshopify.com", "id:7"), [purchase], Cancel));

        Assert.Empty(problems);
        Assert.Equal(2, ga4.Requests.Count);
        var sent = JsonDocument.Parse(ga4.Requests[^1].Body).RootElement.GetProperty("events")[0];
        Assert.Equal("purchase", sent.GetProperty("name").GetString());
        var p = sent.GetProperty("params");
        Assert.Equal("5001", p.GetProperty("transaction_id").GetString());
        Assert.Equal(80.5m, p.GetProperty("value").GetDecimal());
        Assert.Equal("EUR", p.GetProperty("currency").GetString());
        var link = new Uri(CartRecovery.Core.Tracking.Utm.Apply("https://s.example/cart", Channel.Email, "email-1"));
        var utm = link.Query.TrimStart('?').Split('&').Select(q => q.Split('=')).ToDictionary(q => q[0], q => Uri.UnescapeDataString(q[1]));
        Assert.Equal(utm["utm_source"], p.GetProperty("source").GetString());
        Assert.Equal(utm["utm_medium"], p.GetProperty("medium").GetString());
        Assert.Equal(utm["utm_campaign"], p.GetProperty("campaign").GetString());
        Assert.Equal(utm["utm_content"], p.GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_permanent_refusal_is_reported_not_thrown_and_invalid_names_never_leave()
    {
        await using var ga4 = await LoopbackHttpServer.StartAsync();
        ga4.Respond = (_, context) =>
        {
            context.Response.StatusCode = 400;
            return Task.CompletedTask;
        };
        var client = new Ga4Client(new HttpClient(), new Ga4Options { BaseUrl = ga4.BaseAddress }, TimeProvider.System);

        Assert.False(await client.SendAsync("G-TEST123", "s3cr3t", "1.2", [new Ga4Event("recovery_message_sent", new Dictionary<string, object>())], Cancel));
        Assert.Single(ga4.Requests);
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync("G-TEST123", "s", "1.2", [new Ga4Event("google_reserved", new Dictionary<string, object>())], Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => client.SendAsync("G-TEST123", "s", "1.2", [new Ga4Event("9starts_with_digit", new Dictionary<string, object>())], Cancel));
        Assert.Single(ga4.Requests);
    }

    [Theory]
    [InlineData("GA1.1.123456789.1700000000", "123456789.1700000000")]
    [InlineData("GA1.2.42.7", "42.7")]
    [InlineData("garbage", null)]
    [InlineData(null, null)]
    public void The_client_id_comes_from_the_ga_cookie(string? cookie, string? expected) => Assert.Equal(expected, Ga4ClientId.FromGaCookie(cookie));

    [Fact]
    public void The_pseudonymous_client_id_is_stable_per_shopper_and_reveals_nothing()
    {
        var id = Ga4ClientId.Pseudonymous("s.myshopify.com", "email:zoe@example.com");

        Assert.Equal(id, Ga4ClientId.Pseudonymous("s.myshopify.com", "email:zoe@example.com"));
        Assert.NotEqual(id, Ga4ClientId.Pseudonymous("s.myshopify.com", "email:max@example.com"));
        Assert.Matches("^[0-9]+\\.[0-9]+$", id);
        Assert.DoesNotContain("zoe", id, StringComparison.Ordinal);
    }

    /// <summary>What GA4's validation endpoint would flag, as its response shape: {"validationMessages":[…]}.</summary>
    private static async Task Enforce(RecordedRequest request, HttpContext context, List<string> problems)
    {
        var messages = new List<object>();
        void Flag(string path, string description, string code)
        {
            messages.Add(new { fieldPath = path, description, validationCode = code });
            lock (problems)
            {
                problems.Add($"{code} {path}: {description}");
            }
        }

        var query = request.QueryString;
        if (!query.Contains("measurement_id=", StringComparison.Ordinal) || !query.Contains("api_secret=", StringComparison.Ordinal))
        {
            Flag("measurement_id", "measurement_id and api_secret are required", "VALUE_REQUIRED");
        }

        if (request.Body.Length >= Ga4Limits.MaxBodyBytes)
        {
            Flag("", "body too large", "VALUE_INVALID");
        }

        var root = JsonDocument.Parse(request.Body).RootElement;
        if (!root.TryGetProperty("client_id", out _))
        {
            Flag("client_id", "client_id is required", "VALUE_REQUIRED");
        }

        var events = root.GetProperty("events");
        if (events.GetArrayLength() > 25)
        {
            Flag("events", "at most 25 events", "VALUE_INVALID");
        }

        foreach (var e in events.EnumerateArray())
        {
            var name = e.GetProperty("name").GetString()!;
            if (!Ga4Limits.IsValidName(name))
            {
                Flag("events.name", name, "NAME_INVALID");
            }

            var parameters = e.GetProperty("params").EnumerateObject().ToList();
            if (parameters.Count > 25)
            {
                Flag("events.params", "at most 25 params", "VALUE_INVALID");
            }

            foreach (var p in parameters.Where(p => !Ga4Limits.IsValidName(p.Name) || (p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Length > 100)))
            {
                Flag("events.params." + p.Name, "name or value out of limits", "VALUE_INVALID");
            }
        }

        context.Response.StatusCode = messages.Count == 0 ? 204 : 200;
        if (messages.Count > 0)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { validationMessages = messages }));
        }
    }
}
