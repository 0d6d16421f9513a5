using System.Net;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Analytics;
using CartRecovery.Core.Attribution;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Experiments;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Hosting.Measurement;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Server.Tests.Messages;
using CartRecovery.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Measurement;

/// <summary>The measurement routes on the real server (Kestrel, Azurite), fed through the product's own registrations.</summary>
public sealed class MeasurementApiTests : IAsyncLifetime
{
    private const string Shop = "measure-shop.myshopify.com";
    private static readonly DateTimeOffset Day = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);
    private ServerHost server = null!;
    private HttpClient client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await ServerHost.StartAsync(new Dictionary<string, string?> { ["Analytics:MessageCosts:Email"] = "0.01", ["Analytics:MessageCosts:Sms"] = "0.05" });
        client = server.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task An_attributed_order_is_shown_with_its_recovery_step_channel_variant_and_route_and_an_unknown_one_is_404()
    {
        var recorder = server.Services.GetRequiredService<MeasurementRecorder>();
        await recorder.RecoveryStartedAsync(Cart("chk-9", 1), "rec-9", "e1:treated", Day, Cancel);
        await recorder.StepOutcomeAsync(Step("rec-9", "chk-9", "email-1", Channel.Email, 1), StepOutcome.Sent("msg-9"), Day.AddHours(1), Cancel);
        await server.Services.GetRequiredService<OrderAttributor>().AttributeAsync(Order("7001", "chk-9", 1, 120m), Cancel);

        using var found = await SendAsync(HttpMethod.Get, $"/api/stores/{Shop}/orders/7001/attribution");
        using var missing = await SendAsync(HttpMethod.Get, $"/api/stores/{Shop}/orders/7002/attribution");
        using var invalid = await SendAsync(HttpMethod.Get, $"/api/stores/{Shop}/orders/abc/attribution");
        using var anonymous = await SendAsync(HttpMethod.Get, $"/api/stores/{Shop}/orders/7001/attribution", authorization: null);

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = JsonDocument.Parse(await found.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal("rec-9", body.GetProperty("recoveryId").GetString());
        Assert.Equal("email-1", body.GetProperty("stepId").GetString());
        Assert.Equal("email", body.GetProperty("channel").GetString());
        Assert.Equal("e1:treated", body.GetProperty("variant").GetString());
        Assert.Equal("checkoutToken", body.GetProperty("matchedBy").GetString());
        Assert.Equal(120m, body.GetProperty("revenue").GetDecimal());
        Assert.Equal("EUR", body.GetProperty("currency").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Analytics_reports_counts_rates_roi_and_holdout_lift_per_period_daily_and_as_csv()
    {
        var recorder = server.Services.GetRequiredService<MeasurementRecorder>();
        var attributor = server.Services.GetRequiredService<OrderAttributor>();
        for (var i = 0; i < 10; i++)
        {
            var arm = i < 8 ? "e2:treated" : "e2:holdout";
            await recorder.RecoveryStartedAsync(Cart($"chk-{i}", 100 + i), $"rec-{i}", arm, Day, Cancel);
            if (i < 8)
            {
                await recorder.StepOutcomeAsync(Step($"rec-{i}", $"chk-{i}", "email-1", Channel.Email, 100 + i), StepOutcome.Sent($"m-{i}"), Day.AddHours(1), Cancel);
            }
        }

        await recorder.StepOutcomeAsync(Step("rec-0", "chk-0", "sms-2", Channel.Sms, 100), StepOutcome.Sent("m-sms"), Day.AddHours(2), Cancel);
        await recorder.StepOutcomeAsync(Step("rec-1", "chk-1", "sms-2", Channel.Sms, 101), StepOutcome.Skipped("quiet hours"), Day.AddHours(2), Cancel);
        await recorder.MessageEventAsync(Message("rec-0", "m-0", 100), MessageEventKind.Opened, Day.AddHours(3), Cancel);
        await recorder.MessageEventAsync(Message("rec-0", "m-0", 100), MessageEventKind.Opened, Day.AddHours(4), Cancel); // a second open of the same message
        await recorder.MessageEventAsync(Message("rec-0", "m-0", 100), MessageEventKind.Clicked, Day.AddHours(4), Cancel);
        await attributor.AttributeAsync(Order("8001", "chk-0", 100, 50m), Cancel);
        await attributor.AttributeAsync(Order("8002", "chk-1", 101, 30m), Cancel);
        await attributor.AttributeAsync(Order("8003", "chk-8", 108, 40m), Cancel); // the holdout's order: baseline, not recovered revenue

        var summary = await GetJsonAsync($"/api/stores/{Shop}/analytics?from=2026-04-01&to=2026-04-30");

        Assert.Equal(10, summary.GetProperty("recoveriesStarted").GetInt64());
        Assert.Equal(9, summary.GetProperty("messagesSent").GetInt64());
        Assert.Equal(1, summary.GetProperty("messagesOpened").GetInt64());
        Assert.Equal(2, summary.GetProperty("recoveredOrders").GetInt64());
        Assert.Equal(80m, summary.GetProperty("recoveredRevenue").GetDecimal());
        Assert.Equal("EUR", summary.GetProperty("currency").GetString());
        Assert.Equal(0.25, summary.GetProperty("recoveryRate").GetDouble(), 4); // 2 of 8 treated
        Assert.Equal(0.13m, summary.GetProperty("messagingCost").GetDecimal()); // 8 emails at 0.01 + 1 SMS at 0.05
        Assert.Equal(Math.Round(80 / 0.13, 2), summary.GetProperty("roi").GetDouble(), 2);
        Assert.Equal(1, summary.GetProperty("skipsByReason").GetProperty("quiet hours").GetInt64());
        var lift = summary.GetProperty("incrementalLift");
        Assert.Equal(0.25 - 0.5, lift.GetProperty("rate").GetDouble(), 6);
        Assert.True(lift.GetProperty("low").GetDouble() < lift.GetProperty("rate").GetDouble());
        Assert.True(lift.GetProperty("high").GetDouble() > lift.GetProperty("rate").GetDouble());
        Assert.Equal(1, summary.GetProperty("holdout").GetProperty("orders").GetInt64());
        Assert.Contains(summary.GetProperty("byChannel").EnumerateArray(), r => r.GetProperty("channel").GetString() == "email" && r.GetProperty("sent").GetInt64() == 8 && r.GetProperty("opened").GetInt64() == 1);

        var daily = await GetJsonAsync($"/api/stores/{Shop}/analytics/daily?metric=recoveredRevenue&from=2026-03-31&to=2026-04-02");
        Assert.Equal([0.0, 80.0, 0.0], daily.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").GetDouble()));

        using var csv = await SendAsync(HttpMethod.Get, $"/api/stores/{Shop}/analytics/export.csv?from=2026-04-01&to=2026-04-02");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync(Cancel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("date,currency,recoveriesStarted,messagesSent", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-04-01,EUR,10,9,", lines[1], StringComparison.Ordinal);

        var empty = await GetJsonAsync($"/api/stores/other-{Shop}/analytics?from=2026-04-01&to=2026-04-30", $"other-{Shop}");
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("incrementalLift").ValueKind);
        Assert.Equal(0, empty.GetProperty("recoveriesStarted").GetInt64());
    }

    [Theory]
    [InlineData("?from=2026-13-01")]
    [InlineData("?from=2026-04-02&to=2026-04-01")]
    [InlineData("?from=2020-01-01&to=2026-01-01")]
    [InlineData("/daily?metric=nope")]
    public async Task Bad_analytics_queries_are_400_problems(string query)
    {
        var path = query.StartsWith('/') ? $"/api/stores/{Shop}/analytics{query}" : $"/api/stores/{Shop}/analytics{query}";
        using var response = await SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Experiments_go_through_their_lifecycle_one_running_at_a_time_and_a_holdout_recovery_sends_nothing()
    {
        using var created = await SendAsync(HttpMethod.Post, $"/api/stores/{Shop}/experiments", """{"name":"Holdout 10 %","kind":"holdout","holdoutShare":0.1}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("id").GetString()!;
        using var other = await SendAsync(HttpMethod.Post, $"/api/stores/{Shop}/experiments", """{"name":"Subjects","kind":"subject","arms":[{"name":"a","weight":1},{"name":"b","weight":1}]}""");
        var otherId = JsonDocument.Parse(await other.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("id").GetString()!;

        using var started = await SendAsync(HttpMethod.Patch, $"/api/stores/{Shop}/experiments/{id}", """{"status":"running"}""");
        using var second = await SendAsync(HttpMethod.Patch, $"/api/stores/{Shop}/experiments/{otherId}", """{"status":"running"}""");
        using var bad = await SendAsync(HttpMethod.Post, $"/api/stores/{Shop}/experiments", """{"name":"x","kind":"holdout","holdoutShare":0.9}""");
        using var unknownField = await SendAsync(HttpMethod.Patch, $"/api/stores/{Shop}/experiments/{id}", """{"colour":"red"}""");
        using var missing = await SendAsync(HttpMethod.Get, $"/api/stores/{Shop}/experiments/exp-none");
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("running", JsonDocument.Parse(await started.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // A recovery started through the measured workflow port is assigned an arm; the holdout's steps skip, the treated's run.
        var experiment = (await server.Services.GetRequiredService<IExperimentRepository>().GetAsync(Shop, id, Cancel))!;
        var held = Enumerable.Range(1000, 500).First(c => ExperimentAssignment.Assign(experiment, CustomerKey.From(c, null)!).IsHoldout);
        var treated = Enumerable.Range(1000, 500).First(c => !ExperimentAssignment.Assign(experiment, CustomerKey.From(c, null)!).IsHoldout);
        var workflows = MeasurementRegistration.Measured(server.Services, new RecordingRecoveryWorkflows());
        await workflows.StartAsync(Cart("chk-held", held), DateTimeOffset.UtcNow, Cancel); // counted from the experiment's start (now)
        await workflows.StartAsync(Cart("chk-treated", treated), DateTimeOffset.UtcNow, Cancel);
        var executor = server.Services.GetRequiredService<IStepExecutor>();
        var heldOutcome = await executor.ExecuteAsync(Step(Core.Workflow.WorkflowId.For(Shop, "chk-held").Value, "chk-held", "email-1", Channel.Email, held), Cancel);
        var treatedOutcome = await executor.ExecuteAsync(Step(Core.Workflow.WorkflowId.For(Shop, "chk-treated").Value, "chk-treated", "email-1", Channel.Email, treated), Cancel);

        Assert.Equal(StepOutcome.Skipped("holdout"), heldOutcome);
        Assert.NotEqual("holdout", treatedOutcome.Reason);
        var view = await GetJsonAsync($"/api/stores/{Shop}/experiments/{id}");
        var arms = view.GetProperty("results").GetProperty("arms").EnumerateArray().ToDictionary(a => a.GetProperty("arm").GetString()!, a => a.GetProperty("recipients").GetInt64());
        Assert.Equal(1, arms["holdout"]);
        Assert.Equal(1, arms["treated"]);

        using var ended = await SendAsync(HttpMethod.Patch, $"/api/stores/{Shop}/experiments/{id}", """{"status":"ended"}""");
        using var restarted = await SendAsync(HttpMethod.Patch, $"/api/stores/{Shop}/experiments/{id}", """{"status":"running"}""");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, restarted.StatusCode);
        var list = await GetJsonAsync($"/api/stores/{Shop}/experiments");
        Assert.Equal(2, list.GetProperty("items").GetArrayLength());
    }

    private static CartSnapshot Cart(string checkoutToken, long customerId) => new(
        Shop, checkoutToken, CartKind.Checkout, null, checkoutToken, new CustomerSnapshot(customerId, null, null, 0, 0m), ContactInfo.None, "EUR", 50m, null, [], null, Day);

    private static StepRequest Step(string recovery, string checkoutToken, string stepId, Channel channel, long customerId) =>
        new(recovery, Cart(checkoutToken, customerId), stepId, 0, channel, MessageIntent.HelpfulReminder, false, null, StepRequest.KeyFor(Shop, checkoutToken, stepId, channel));

    private static MessageRecord Message(string recovery, string messageId, long customerId) => new(
        Shop, messageId, recovery, "email-1", 0, Channel.Email, MessageIntent.HelpfulReminder, "k-" + messageId, MessageStatus.Sent, null, CustomerKey.From(customerId, null), null, null, null, null, null, 1, Day, Day, [], false);

    private static OrderFacts Order(string id, string checkoutToken, long customerId, decimal total) =>
        new(Shop, id, Day.AddHours(5), checkoutToken, null, CustomerKey.From(customerId, null), [], 0m, total, "EUR", total, "EUR");

    private async Task<JsonElement> GetJsonAsync(string path, string shop = Shop)
    {
        using var response = await SendAsync(HttpMethod.Get, path, authorization: SessionTokens.BearerFor(shop));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null, string? authorization = "default")
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        var token = authorization == "default" ? SessionTokens.BearerFor(Shop) : authorization;
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request, Cancel);
    }
}
