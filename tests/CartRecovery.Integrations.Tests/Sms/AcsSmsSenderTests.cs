using System.Text.Json;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Sms;
using CartRecovery.Integrations.Tests.Delivery;
using CartRecovery.Testing;

namespace CartRecovery.Integrations.Tests.Sms;

public sealed class AcsSmsSenderTests : IAsyncLifetime
{
    private static readonly byte[] AccessKey = Enumerable.Range(100, 32).Select(i => (byte)i).ToArray();
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 5, TimeSpan.Zero));
    private readonly HttpClient http = new();
    private LoopbackHttpServer server = null!;

    public async ValueTask InitializeAsync() => server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Sends_a_signed_request_whose_repeatability_fields_come_from_the_step()
    {
        server.Respond = TestDelivery.Status(202, """{"value":[{"to":"+15551234567","messageId":"Outgoing_1","httpStatusCode":202,"successful":true,"repeatabilityResult":"accepted"}]}""");

        var receipt = await Sender().SendAsync("Demo Store: hi\nReply STOP to opt out", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken);

        Assert.Equal(new ProviderReceipt("acs-sms", "Outgoing_1"), receipt);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/sms", request.Path);
        Assert.Equal("?api-version=2021-03-07", request.QueryString);
        Assert.Equal("Thu, 15 Jan 2026 12:00:05 GMT", request.Header("x-ms-date"));
        AcsSignature.AssertValid(request, AccessKey);
        var expected = JsonSerializer.Serialize(new
        {
            from = "+18005550000",
            smsRecipients = new[]
            {
                new
                {
                    to = "+15551234567",
                    repeatabilityRequestId = IdempotencyIds.GuidFor(TestDelivery.Key).ToString(),
                    repeatabilityFirstSent = "Thu, 15 Jan 2026 11:59:00 GMT",
                },
            },
            message = "Demo Store: hi\nReply STOP to opt out",
            smsSendOptions = new { enableDeliveryReport = true },
        });
        Assert.Equal(expected, request.BodyText);
    }

    [Fact]
    public async Task A_recipient_refused_inside_a_202_is_permanent()
    {
        server.Respond = TestDelivery.Status(202, """{"value":[{"to":"+15551234567","httpStatusCode":400,"successful":false,"errorMessage":"Invalid number +15551234567"}]}""");

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync("text", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("recipient HTTP 400", failure.Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_recipient_throttled_inside_a_202_is_retried()
    {
        server.Respond = TestDelivery.Sequence(
            (202, """{"value":[{"to":"+15551234567","httpStatusCode":429,"successful":false}]}"""),
            (202, """{"value":[{"to":"+15551234567","messageId":"Outgoing_2","httpStatusCode":202,"successful":true}]}"""));

        var receipt = await TestDelivery.AsTheEngineRetries(2, () => Sender().SendAsync("text", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("Outgoing_2", receipt.ProviderMessageId);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(server.Requests[0].BodyText, server.Requests[1].BodyText);
    }

    [Fact]
    public async Task A_4xx_is_permanent()
    {
        server.Respond = TestDelivery.Status(401, """{"error":{"code":"Denied"}}""");

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync("text", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("HTTP 401 (Denied)", failure.Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_5xx_is_retried_then_transient()
    {
        server.Respond = TestDelivery.Status(503);

        await Assert.ThrowsAsync<TransientDeliveryException>(
            () => TestDelivery.AsTheEngineRetries(3, () => Sender().SendAsync("text", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken)));

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_times_out_as_transient()
    {
        server.Respond = TestDelivery.Hang;
        var sender = new AcsSmsSender(http, Options(), TestDelivery.TimeoutFactory());

        var failure = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => sender.SendAsync("text", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("timed out", failure.Reason);
    }

    private AcsSmsSender Sender() => new(http, Options(), TestDelivery.Factory(clock));

    private Microsoft.Extensions.Options.IOptions<SmsOptions> Options() => Microsoft.Extensions.Options.Options.Create(new SmsOptions
    {
        Provider = SmsProviderKind.Acs,
        From = "+18005550000",
        Acs = new AcsSmsSettings { ConnectionString = $"endpoint={server.BaseAddress};accesskey={Convert.ToBase64String(AccessKey)}" },
    });
}
