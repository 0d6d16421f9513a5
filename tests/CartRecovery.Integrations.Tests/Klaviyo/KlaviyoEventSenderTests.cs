using System.Text.Json;
using CartRecovery.Core.Analytics;
using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Klaviyo;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Integrations.Tests.Klaviyo;

/// <summary>The Events API sender against a local server that checks Klaviyo's wire format and answers 429 with Retry-After.</summary>
public sealed class KlaviyoEventSenderTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_has_the_key_revision_json_api_body_and_a_unique_id_that_a_retry_after_429_repeats()
    {
        await using var klaviyo = await LoopbackHttpServer.StartAsync();
        var calls = 0;
        klaviyo.Respond = (_, context) =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                context.Response.StatusCode = 429;
                context.Response.Headers.RetryAfter = "1";
                return Task.CompletedTask;
            }

            context.Response.StatusCode = 202;
            return Task.CompletedTask;
        };
        var sender = new KlaviyoEventSender(new HttpClient(), new KlaviyoEventSenderOptions { BaseUrl = klaviyo.BaseAddress }, TimeProvider.System);
        var notice = new RecoveryEventNotice(RecoveryEventKind.MessageClicked, "s.myshopify.com", "rec-1", "email:zoe@example.com", "email-1", Channel.Email, "e1:a", "msg-1", new DateTimeOffset(2026, 5, 1, 10, 0, 0, 500, TimeSpan.Zero), null);

        var started = DateTimeOffset.UtcNow;
        Assert.True(await sender.SendAsync("pk_test_123", notice, notice.CustomerKey, Cancel));

        Assert.True(DateTimeOffset.UtcNow - started >= TimeSpan.FromSeconds(0.9)); // Retry-After honoured
        Assert.Equal(2, klaviyo.Requests.Count);
        var ids = klaviyo.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("attributes").GetProperty("unique_id").GetString()).ToList();
        Assert.Equal(ids[0], ids[1]);
        var request = klaviyo.Requests[1];
        Assert.Equal("POST", request.Method);
        Assert.Equal("/api/events", request.Path);
        Assert.Equal("Klaviyo-API-Key pk_test_123", request.Header("Authorization"));
        Assert.Matches("^\\d{4}-\\d{2}-\\d{2}$", request.Header("revision"));
        Assert.StartsWith("application/vnd.api+json", request.Header("Content-Type"), StringComparison.Ordinal);
        var data = JsonDocument.Parse(request.Body).RootElement.GetProperty("data");
        Assert.Equal("event", data.GetProperty("type").GetString());
        var attributes = data.GetProperty("attributes");
        Assert.Equal("Cart Recovery Message Clicked", attributes.GetProperty("metric").GetProperty("data").GetProperty("attributes").GetProperty("name").GetString());
        Assert.Equal("zoe@example.com", attributes.GetProperty("profile").GetProperty("data").GetProperty("attributes").GetProperty("email").GetString());
        Assert.Equal("2026-05-01T10:00:00Z", attributes.GetProperty("time").GetString());
        Assert.Equal("email-1", attributes.GetProperty("properties").GetProperty("step").GetString());
    }

    [Fact]
    public async Task A_bad_key_is_not_retried_and_an_unknown_shopper_is_not_sent()
    {
        await using var klaviyo = await LoopbackHttpServer.StartAsync();
        klaviyo.Respond = (_, context) =>
        {
            context.Response.StatusCode = 400;
            return Task.CompletedTask;
        };
        var sender = new KlaviyoEventSender(new HttpClient(), new KlaviyoEventSenderOptions { BaseUrl = klaviyo.BaseAddress }, TimeProvider.System);
        var notice = new RecoveryEventNotice(RecoveryEventKind.Started, "s.myshopify.com", "rec-2", "id:42", null, null, null, null, DateTimeOffset.UtcNow, null);

        Assert.False(await sender.SendAsync("pk_bad", notice, notice.CustomerKey, Cancel));
        Assert.Single(klaviyo.Requests);
        Assert.Equal("shopify:42", JsonDocument.Parse(klaviyo.Requests[0].Body).RootElement.GetProperty("data").GetProperty("attributes").GetProperty("profile").GetProperty("data").GetProperty("attributes").GetProperty("external_id").GetString());
        Assert.False(await sender.SendAsync("pk_bad", notice with { CustomerKey = null }, null, Cancel));
        Assert.Single(klaviyo.Requests);
    }
}
