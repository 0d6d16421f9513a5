using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Sms;
using CartRecovery.Integrations.Tests.Delivery;
using CartRecovery.Testing;

namespace CartRecovery.Integrations.Tests.Sms;

public sealed class TwilioSmsSenderTests : IAsyncLifetime
{
    private readonly HttpClient http = new();
    private LoopbackHttpServer server = null!;

    public async ValueTask InitializeAsync() => server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Posts_a_form_with_basic_auth_to_the_account_messages_resource()
    {
        server.Respond = TestDelivery.Status(201, """{"sid":"SM0123456789abcdef0123456789abcdef","status":"queued"}""");

        var receipt = await Sender().SendAsync("Demo Store: 20% off ends today €5 {now}\nReply STOP to opt out", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken);

        Assert.Equal(new ProviderReceipt("twilio", "SM0123456789abcdef0123456789abcdef"), receipt);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2010-04-01/Accounts/AC123/Messages.json", request.Path);
        Assert.Equal("Basic " + Convert.ToBase64String("AC123:secret-token"u8.ToArray()), request.Header("Authorization"));
        Assert.Equal("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal(
            "To=%2B15551234567&From=%2B18005550000&Body=Demo+Store%3A+20%25+off+ends+today+%E2%82%AC5+%7Bnow%7D%0AReply+STOP+to+opt+out",
            request.BodyText);
    }

    [Fact]
    public async Task A_messaging_service_replaces_the_from_number()
    {
        server.Respond = TestDelivery.Status(201, """{"sid":"SM1"}""");

        await Sender(messagingService: "MG42").SendAsync("hi", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken);

        Assert.Equal("To=%2B15551234567&MessagingServiceSid=MG42&Body=hi", Assert.Single(server.Requests).BodyText);
    }

    [Fact]
    public async Task A_4xx_is_permanent_with_twilios_error_code()
    {
        server.Respond = TestDelivery.Status(400, """{"code":21211,"message":"The 'To' number +15551234567 is not a valid phone number.","status":400}""");

        var failure = await Assert.ThrowsAsync<PermanentDeliveryException>(
            () => Sender().SendAsync("hi", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("HTTP 400 (21211)", failure.Reason);
        Assert.DoesNotContain("5551234567", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task A_5xx_is_retried_until_it_succeeds()
    {
        server.Respond = TestDelivery.Sequence((500, "{}"), (201, """{"sid":"SM2"}"""));

        var receipt = await TestDelivery.AsTheEngineRetries(2, () => Sender().SendAsync("hi", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("SM2", receipt.ProviderMessageId);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_times_out_as_transient()
    {
        server.Respond = TestDelivery.Hang;
        var sender = new TwilioSmsSender(http, Options(null), TestDelivery.TimeoutFactory());

        var failure = await Assert.ThrowsAsync<TransientDeliveryException>(
            () => sender.SendAsync("hi", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken));

        Assert.Equal("timed out", failure.Reason);
    }

    private TwilioSmsSender Sender(string? messagingService = null) => new(http, Options(messagingService), TestDelivery.Factory());

    private Microsoft.Extensions.Options.IOptions<SmsOptions> Options(string? messagingService) => Microsoft.Extensions.Options.Options.Create(new SmsOptions
    {
        Provider = SmsProviderKind.Twilio,
        From = "+18005550000",
        Twilio = new TwilioSettings { BaseUrl = server.BaseAddress, AccountSid = "AC123", AuthToken = "secret-token", MessagingServiceSid = messagingService },
    });
}
