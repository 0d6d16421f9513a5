using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Tests.Delivery;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.Email;

public sealed class ResendEmailSenderTests : IAsyncLifetime
{
    private LoopbackHttpServer server = null!;
    private readonly HttpClient http = new();

    public async ValueTask InitializeAsync() => server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Sends_bearer_idempotency_key_user_agent_and_the_documented_body()
    {
        server.Respond = TestDelivery.Status(200, """{"id":"49a3999c-0ce1-4ea6-ab68-afcd6dc2e794"}""");

        var receipt = await Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken);

        Assert.Equal(new ProviderReceipt("resend", "49a3999c-0ce1-4ea6-ab68-afcd6dc2e794"), receipt);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/emails", request.Path);
        Assert.Equal("Bearer re_test_key", request.Header("Authorization"));
        Assert.Equal(TestDelivery.Key, request.Header("Idempotency-Key"));
        Assert.Equal(ProviderHttpFactory.UserAgent, request.Header("User-Agent"));
        Assert.Equal("application/json", request.Header("Content-Type"));
        var message = TestDelivery.Email();
        var expected = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["from"] = "Demo Store <shop@mail.example>",
            ["to"] = new[] { "ana@example.com" },
            ["subject"] = message.Subject,
            ["html"] = message.Html,
            ["text"] = message.Text,
            ["headers"] = message.Headers,
        });
        Assert.Equal(expected, request.BodyText);
    }

    [Fact]
    public async Task A_long_idempotency_key_is_hashed_to_fit_the_256_character_limit()
    {
        server.Respond = TestDelivery.Status(200, """{"id":"x"}""");
        var key = "demo.myshopify.com/" + new string('c', 300) + "/step-1/email";

        await Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context with { IdempotencyKey = key }, TestContext.Current.CancellationToken);

        var header = Assert.Single(server.Requests).Header("Idempotency-Key")!;
        Assert.True(header.Length <= 256);
        Assert.StartsWith("sha256-", header, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_4xx_is_permanent_not_retried_and_reports_the_error_code_without_the_address()
    {
        server.Respond = TestDelivery.Status(422, """{"statusCode":422,"name":"validation_error","message":"Invalid `to` field: ana@example.com"}""");

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal(422, failure.StatusCode);
        Assert.Contains("validation_error", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@example.com", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_5xx_is_retried_with_the_same_idempotency_key_until_it_succeeds()
    {
        server.Respond = TestDelivery.Sequence((500, "{}"), (503, "{}"), (200, """{"id":"after-retry"}"""));

        var receipt = await TestDelivery.AsTheEngineRetries(3, () => Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("after-retry", receipt.ProviderMessageId);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal(TestDelivery.Key, r.Header("Idempotency-Key")));
    }

    [Fact]
    public async Task Retries_that_run_out_surface_as_transient()
    {
        server.Respond = TestDelivery.Status(429, """{"name":"rate_limit_exceeded"}""", retryAfter: "1");

        var failure = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => TestDelivery.AsTheEngineRetries(3, () => Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken)));

        Assert.Equal(429, failure.StatusCode);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_provider_that_does_not_answer_times_out_as_transient_after_each_attempt()
    {
        server.Respond = TestDelivery.Hang;
        var sender = new ResendEmailSender(http, Options(), TestDelivery.TimeoutFactory());

        var failure = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => TestDelivery.AsTheEngineRetries(2, () => sender.SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken)));

        Assert.Contains("timed out", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    private ResendEmailSender Sender() => new(http, Options(), TestDelivery.Factory());

    private IOptions<EmailOptions> Options() => Microsoft.Extensions.Options.Options.Create(new EmailOptions
    {
        Provider = EmailProviderKind.Resend,
        FromAddress = "shop@mail.example",
        FromName = "Demo Store",
        Resend = new ResendSettings { BaseUrl = server.BaseAddress, ApiKey = "re_test_key" },
    });
}
