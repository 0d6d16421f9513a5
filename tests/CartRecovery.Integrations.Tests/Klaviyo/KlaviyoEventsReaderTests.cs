using System.Net;
using CartRecovery.Core.Targeting.Rules;
using CartRecovery.Integrations.Klaviyo;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.Klaviyo;

/// <summary>The Klaviyo Events reader against a loopback Klaviyo that checks the headers and the filter syntax of each request.</summary>
public sealed class KlaviyoEventsReaderTests : IAsyncLifetime
{
    private const string Key = "pk_test_0123456789";
    private static readonly DateTimeOffset Since = new(2026, 6, 9, 10, 0, 0, TimeSpan.Zero);
    private readonly HttpClient http = new();
    private LoopbackHttpServer klaviyo = null!;
    private readonly List<string> violations = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => klaviyo = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await klaviyo.DisposeAsync();
    }

    private KlaviyoEventsReader Reader() => new(
        http, Options.Create(new KlaviyoEventsReaderOptions { BaseUrl = klaviyo.BaseAddress }), TimeProvider.System, NullLogger<KlaviyoEventsReader>.Instance);

    private static string Events(string metricName, string flowMessage) => """
        {"data":[{"type":"event","id":"ev1","attributes":{"datetime":"2026-06-10T07:30:00+00:00","event_properties":{"Subject":"You left something","$message":"msg1","Campaign Name":"FLOW"}},
                  "relationships":{"metric":{"data":{"type":"metric","id":"M1"}}}}],
         "included":[{"type":"metric","id":"M1","attributes":{"name":"METRIC"}}],
         "links":{"self":"x","next":null}}
        """.Replace("FLOW", flowMessage, StringComparison.Ordinal).Replace("METRIC", metricName, StringComparison.Ordinal);

    /// <summary>Answers like Klaviyo after checking what a real Klaviyo requires; a wrong request is answered 400 and noted.</summary>
    private Func<RecordedRequest, HttpContext, Task> Klaviyo(string eventsBody, int eventsStatus = 200, Action<HttpContext>? eventsHeaders = null) => async (request, context) =>
    {
        var query = WebUtility.UrlDecode(request.QueryString);
        if (request.Header("Authorization") != $"Klaviyo-API-Key {Key}" || request.Header("revision") != "2026-10-15" || request.Header("Accept") != "application/vnd.api+json")
        {
            violations.Add($"headers of {request.Path}");
            context.Response.StatusCode = 400;
            return;
        }

        context.Response.ContentType = "application/vnd.api+json";
        if (request.Path == "/api/profiles")
        {
            if (!query.Contains("filter=equals(email,\"mia@example.com\")", StringComparison.Ordinal))
            {
                violations.Add("profile filter: " + query);
                context.Response.StatusCode = 400;
                return;
            }

            await context.Response.WriteAsync("""{"data":[{"type":"profile","id":"01PROFILE"}],"links":{"next":null}}""");
            return;
        }

        if (request.Path == "/api/events")
        {
            if (!query.Contains("filter=equals(profile_id,\"01PROFILE\"),greater-than(datetime,2026-06-09T10:00:00Z)", StringComparison.Ordinal)
                || !query.Contains("include=metric", StringComparison.Ordinal))
            {
                violations.Add("events filter: " + query);
                context.Response.StatusCode = 400;
                return;
            }

            eventsHeaders?.Invoke(context);
            context.Response.StatusCode = eventsStatus;
            await context.Response.WriteAsync(eventsBody);
            return;
        }

        context.Response.StatusCode = 404;
    };

    [Fact]
    public async Task A_recovery_flow_message_in_the_window_is_found_with_its_metric()
    {
        klaviyo.Respond = Klaviyo(Events("Received Email", "Abandoned Checkout: Email 1"));

        var lookup = await Reader().FindRecoveryMessageAsync(Key, "mia@example.com", null, Since, new KlaviyoCoordinationRules(), Cancel);

        Assert.Empty(violations);
        Assert.False(lookup.Unavailable);
        Assert.Equal("Received Email", lookup.Metric);
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 7, 30, 0, TimeSpan.Zero), lookup.At);
        Assert.Equal(["/api/profiles", "/api/events"], klaviyo.Requests.Select(r => r.Path));
    }

    [Theory]
    [InlineData("Received Email", "Weekly newsletter")]
    [InlineData("Opened Email", "Abandoned Cart: Email 1")]
    public async Task A_newsletter_or_another_metric_does_not_count(string metric, string message)
    {
        klaviyo.Respond = Klaviyo(Events(metric, message));

        var lookup = await Reader().FindRecoveryMessageAsync(Key, "mia@example.com", null, Since, new KlaviyoCoordinationRules(), Cancel);

        Assert.Empty(violations);
        Assert.Null(lookup.Metric);
        Assert.False(lookup.Unavailable);
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_then_reads_again()
    {
        var calls = 0;
        var times = new List<DateTimeOffset>();
        var normal = Klaviyo(Events("Received SMS", "Abandoned Cart: SMS 1"));
        klaviyo.Respond = (request, context) =>
        {
            if (request.Path == "/api/events")
            {
                times.Add(DateTimeOffset.UtcNow);
            }

            if (request.Path == "/api/events" && Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            return normal(request, context);
        };

        var lookup = await Reader().FindRecoveryMessageAsync(Key, "mia@example.com", null, Since, new KlaviyoCoordinationRules(), Cancel);

        Assert.Equal("Received SMS", lookup.Metric);
        Assert.Equal(2, calls);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task A_429_longer_than_the_budget_is_reported_unavailable()
    {
        klaviyo.Respond = Klaviyo("{}", 429, c => c.Response.Headers.RetryAfter = "60");

        var lookup = await Reader().FindRecoveryMessageAsync(Key, "mia@example.com", null, Since, new KlaviyoCoordinationRules { TimeoutSeconds = 2 }, Cancel);

        Assert.True(lookup.Unavailable);
        Assert.Contains("rate limited", lookup.Problem);
    }

    [Fact]
    public async Task No_answer_in_time_is_reported_unavailable_not_thrown()
    {
        var normal = Klaviyo(Events("Received Email", "Abandoned Cart"));
        klaviyo.Respond = async (request, context) =>
        {
            if (request.Path == "/api/events")
            {
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }

            await normal(request, context);
        };

        var started = DateTimeOffset.UtcNow;
        var lookup = await Reader().FindRecoveryMessageAsync(Key, "mia@example.com", null, Since, new KlaviyoCoordinationRules { TimeoutSeconds = 0.5 }, Cancel);

        Assert.True(lookup.Unavailable);
        Assert.Contains("no answer within", lookup.Problem);
        Assert.True(DateTimeOffset.UtcNow - started < TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_refusal_is_reported_unavailable_with_its_status()
    {
        klaviyo.Respond = (_, context) =>
        {
            context.Response.StatusCode = 401;
            return Task.CompletedTask;
        };

        var lookup = await Reader().FindRecoveryMessageAsync(Key, "mia@example.com", null, Since, new KlaviyoCoordinationRules(), Cancel);

        Assert.True(lookup.Unavailable);
        Assert.Equal("Klaviyo answered HTTP 401", lookup.Problem);
    }
}
