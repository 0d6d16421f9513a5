using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Tests.Delivery;
using CartRecovery.Testing;
using Microsoft.AspNetCore.Http;

namespace CartRecovery.Integrations.Tests.Email;

public sealed class AcsEmailSenderTests : IAsyncLifetime
{
    private static readonly byte[] AccessKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly HttpClient http = new();
    private LoopbackHttpServer server = null!;

    public async ValueTask InitializeAsync() => server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Sends_a_signed_request_with_an_operation_id_then_polls_the_operation_until_it_succeeds()
    {
        var polls = 0;
        server.Respond = async (request, context) =>
        {
            if (request.Method == "POST")
            {
                context.Response.StatusCode = 202;
                context.Response.Headers["Operation-Location"] = $"{server.BaseAddress}emails/operations/op-1?api-version=2025-09-01";
                await context.Response.WriteAsync("""{"id":"op-1","status":"Running"}""");
                return;
            }

            var status = Interlocked.Increment(ref polls) < 2 ? "Running" : "Succeeded";
            await context.Response.WriteAsync($$"""{"id":"op-1","status":"{{status}}"}""");
        };

        var receipt = await Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken);

        Assert.Equal(new ProviderReceipt("acs-email", "op-1"), receipt);
        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        var send = requests[0];
        Assert.Equal("/emails:send", send.Path);
        Assert.Equal("?api-version=2025-09-01", send.QueryString);
        Assert.Equal(IdempotencyIds.GuidFor(TestDelivery.Key).ToString(), send.Header("Operation-Id"));
        Assert.Equal("Thu, 15 Jan 2026 12:00:00 GMT", send.Header("x-ms-date"));
        AcsSignature.AssertValid(send, AccessKey);
        var message = TestDelivery.Email();
        var expected = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["senderAddress"] = "DoNotReply@mail.example",
            ["content"] = new Dictionary<string, object?> { ["subject"] = message.Subject, ["plainText"] = message.Text, ["html"] = message.Html },
            ["recipients"] = new { to = new[] { new { address = "ana@example.com" } } },
            ["headers"] = message.Headers,
            ["userEngagementTrackingDisabled"] = true,
        });
        Assert.Equal(expected, send.BodyText);
        foreach (var poll in requests.Skip(1))
        {
            Assert.Equal("GET", poll.Method);
            Assert.Equal("/emails/operations/op-1", poll.Path);
            Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", poll.Header("x-ms-content-sha256"));
            AcsSignature.AssertValid(poll, AccessKey);
        }
    }

    [Fact]
    public async Task The_operation_id_is_the_same_for_every_send_of_a_step_and_differs_between_steps()
    {
        server.Respond = TestDelivery.Status(202, """{"id":"op","status":"Succeeded"}""");

        await Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken);
        await Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken);
        await Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context with { IdempotencyKey = TestDelivery.Key + "x" }, TestContext.Current.CancellationToken);

        var ids = server.Requests.Select(r => r.Header("Operation-Id")).ToList();
        Assert.Equal(ids[0], ids[1]);
        Assert.NotEqual(ids[0], ids[2]);
        Assert.True(Guid.TryParse(ids[0], out _));
    }

    [Fact]
    public async Task A_failed_operation_is_permanent()
    {
        server.Respond = (request, context) => request.Method == "POST"
            ? TestDelivery.Status(202, """{"id":"op-2","status":"Running"}""")(request, context)
            : TestDelivery.Status(200, """{"id":"op-2","status":"Failed","error":{"code":"EmailDroppedAllRecipientsSuppressed","message":"ana@example.com"}}""")(request, context);

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Contains("EmailDroppedAllRecipientsSuppressed", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ana@", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_url_on_another_host_is_not_followed_with_the_signed_key()
    {
        server.Respond = async (request, context) =>
        {
            if (request.Method == "POST")
            {
                context.Response.StatusCode = 202;
                context.Response.Headers["Operation-Location"] = "https://attacker.example/emails/operations/op-3?api-version=2025-09-01";
                await context.Response.WriteAsync("""{"id":"op-3","status":"Running"}""");
                return;
            }

            await context.Response.WriteAsync("""{"id":"op-3","status":"Succeeded"}""");
        };

        await Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken);

        var poll = server.Requests[1];
        Assert.Equal($"/emails/operations/{IdempotencyIds.GuidFor(TestDelivery.Key)}", poll.Path);
    }

    [Fact]
    public async Task A_4xx_is_permanent_with_the_error_code_header()
    {
        server.Respond = (_, context) =>
        {
            context.Response.StatusCode = 400;
            context.Response.Headers["x-ms-error-code"] = "InvalidSenderAddress";
            return context.Response.WriteAsync("""{"error":{"code":"InvalidSenderAddress"}}""");
        };

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("HTTP 400 (InvalidSenderAddress)", failure.Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_5xx_is_retried_with_a_fresh_signature_and_the_same_operation_id()
    {
        server.Respond = TestDelivery.Sequence((500, "{}"), (202, """{"id":"op-4","status":"Succeeded"}"""));

        var receipt = await TestDelivery.AsTheEngineRetries(2, () => Sender().SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("op-4", receipt.ProviderMessageId);
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r => AcsSignature.AssertValid(r, AccessKey));
        Assert.Equal(server.Requests[0].Header("Operation-Id"), server.Requests[1].Header("Operation-Id"));
    }

    [Fact]
    public async Task A_service_that_does_not_answer_times_out_as_transient()
    {
        server.Respond = TestDelivery.Hang;
        var sender = new AcsEmailSender(http, Options(), TestDelivery.TimeoutFactory());

        var failure = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => TestDelivery.AsTheEngineRetries(2, () => sender.SendAsync(TestDelivery.Email(), "ana@example.com", TestDelivery.Context, TestContext.Current.CancellationToken)));

        Assert.Equal("timed out", failure.Reason);
        Assert.Equal(2, server.Requests.Count);
    }

    private AcsEmailSender Sender() => new(http, Options(), TestDelivery.Factory(clock));

    private Microsoft.Extensions.Options.IOptions<EmailOptions> Options() => Microsoft.Extensions.Options.Options.Create(new EmailOptions
    {
        Provider = EmailProviderKind.Acs,
        FromAddress = "DoNotReply@mail.example",
        Acs = new AcsEmailSettings
        {
            ConnectionString = $"endpoint={server.BaseAddress};accesskey={Convert.ToBase64String(AccessKey)}",
            PollInterval = TimeSpan.Zero,
            MaxPollInterval = TimeSpan.Zero,
        },
    });
}
