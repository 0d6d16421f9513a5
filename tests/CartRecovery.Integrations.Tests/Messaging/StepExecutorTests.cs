using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Delivery;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Messaging.Steps;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Workflow;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Messaging;
using CartRecovery.Integrations.Outbox;
using CartRecovery.Integrations.Sms;
using CartRecovery.Integrations.Tests.Delivery;
using CartRecovery.Storage.Messages;
using CartRecovery.Storage.Push;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.Messaging;

/// <summary>The step executor on real parts: Azurite for the record, Resend's protocol on a loopback server for email, the outbox for SMS and push.</summary>
public sealed class StepExecutorTests : IAsyncLifetime
{
    private const string Shop = "demo-store.myshopify.com";
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    private readonly TestComposer composer = new();
    private readonly TestSuppressionList suppressions = new();
    private readonly string outboxFolder = Path.Combine(Path.GetTempPath(), "outbox-" + Guid.NewGuid().ToString("N"));
    private readonly HttpClient http = new();
    private LoopbackHttpServer resend = null!;
    private TableMessages store = null!;
    private TablePushSubscriptions pushSubscriptions = null!;
    private OutboxSender outbox = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        resend = await LoopbackHttpServer.StartAsync();
        resend.Respond = TestDelivery.Status(200, """{"id":"re-1"}""");
        var tables = await TestStorage.TablesAsync();
        store = new TableMessages(tables, clock);
        pushSubscriptions = new TablePushSubscriptions(tables);
        outbox = new OutboxSender(Options.Create(new OutboxOptions { Directory = outboxFolder }), clock);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await resend.DisposeAsync();
        if (Directory.Exists(outboxFolder))
        {
            Directory.Delete(outboxFolder, recursive: true);
        }
    }

    [Fact]
    public async Task An_email_step_with_consent_is_composed_sent_and_recorded()
    {
        var request = Request(Channel.Email);

        var outcome = await Executor().ExecuteAsync(request, Cancel);

        Assert.Equal(StepOutcomeKind.Sent, outcome.Kind);
        var (composed, messageId) = Assert.Single(composer.Calls);
        Assert.Equal(messageId, outcome.MessageId);
        Assert.Same(request, composed);
        var sent = Assert.Single(resend.Requests);
        Assert.Equal(request.IdempotencyKey, sent.Header("Idempotency-Key"));
        Assert.Contains("\"to\":[\"ana@example.com\"]", sent.BodyText, StringComparison.Ordinal);
        var record = (await store.GetAsync(Shop, messageId, Cancel))!;
        Assert.Equal(MessageStatus.Sent, record.Status);
        Assert.Equal(("resend", "re-1"), (record.Provider, record.ProviderMessageId));
        Assert.Equal("ana@example.com", record.Recipient);
        Assert.Equal("Your cart is waiting", record.Content!.Subject);
        Assert.Contains("<b>Ana</b>", record.Content.Html, StringComparison.Ordinal);
        Assert.Equal((request.WorkflowId, "step-1", Channel.Email), (record.WorkflowId, record.StepId, record.Channel));
        Assert.Equal(["Sending", "Sent"], record.Events.Select(e => e.Kind));
        Assert.Equal((Shop, Channel.Email, "ana@example.com"), Assert.Single(suppressions.Lookups));
    }

    [Fact]
    public async Task A_second_run_of_the_same_step_returns_the_first_outcome_and_sends_nothing()
    {
        var first = await Executor().ExecuteAsync(Request(Channel.Email), Cancel);
        clock.Advance(TimeSpan.FromMinutes(3));

        var second = await Executor().ExecuteAsync(Request(Channel.Email), Cancel);

        Assert.Equal(first, second);
        Assert.Single(resend.Requests);
        Assert.Single(composer.Calls);
    }

    [Fact]
    public async Task A_crash_between_send_and_record_resends_the_same_content_with_the_same_key()
    {
        var crashing = new CrashAfterSend(ResendSender());
        await Assert.ThrowsAsync<InvalidOperationException>(() => Executor(crashing).ExecuteAsync(Request(Channel.Email), Cancel));
        var inFlight = await store.FindByKeyAsync(Shop, Request(Channel.Email).IdempotencyKey, Cancel);
        Assert.Equal(MessageStatus.Sending, inFlight!.Status);

        var outcome = await Executor().ExecuteAsync(Request(Channel.Email), Cancel);

        Assert.Equal(StepOutcome.Sent(inFlight.MessageId), outcome);
        Assert.Single(composer.Calls);
        Assert.Equal(2, resend.Requests.Count);
        Assert.Equal(resend.Requests[0].Header("Idempotency-Key"), resend.Requests[1].Header("Idempotency-Key"));
        Assert.Equal(resend.Requests[0].BodyText, resend.Requests[1].BodyText);
    }

    [Theory]
    [InlineData(ConsentState.NotSubscribed)]
    [InlineData(ConsentState.Unsubscribed)]
    [InlineData(ConsentState.Unknown)]
    [InlineData(ConsentState.Pending)]
    public async Task Email_without_marketing_consent_is_skipped_with_the_reason_and_never_composed_or_sent(ConsentState consent)
    {
        var request = Request(Channel.Email, Contact() with { EmailConsent = consent });

        var outcome = await Executor().ExecuteAsync(request, Cancel);

        Assert.Equal(StepOutcome.Skipped($"no email marketing consent ({consent})"), outcome);
        Assert.Empty(resend.Requests);
        Assert.Empty(composer.Calls);
        var record = await store.FindByKeyAsync(Shop, request.IdempotencyKey, Cancel);
        Assert.Equal((MessageStatus.Skipped, $"no email marketing consent ({consent})"), (record!.Status, record.Reason));
        Assert.Null(record.Content);
    }

    [Fact]
    public async Task Email_and_sms_consent_are_separate()
    {
        var contact = Contact() with { EmailConsent = ConsentState.NotSubscribed, SmsConsent = ConsentState.Subscribed };

        var email = await Executor().ExecuteAsync(Request(Channel.Email, contact), Cancel);
        var sms = await Executor().ExecuteAsync(Request(Channel.Sms, contact), Cancel);
        var smsRefused = await Executor().ExecuteAsync(Request(Channel.Sms, contact with { SmsConsent = ConsentState.Unsubscribed }, stepId: "step-2"), Cancel);

        Assert.Equal(StepOutcomeKind.Skipped, email.Kind);
        Assert.Equal(StepOutcomeKind.Sent, sms.Kind);
        Assert.Equal(StepOutcome.Skipped("no SMS marketing consent (Unsubscribed)"), smsRefused);
        Assert.Single(outbox.ReadAll());
    }

    [Fact]
    public async Task A_channel_without_contact_is_skipped()
    {
        var none = ContactInfo.None with { EmailConsent = ConsentState.Subscribed, SmsConsent = ConsentState.Subscribed };

        Assert.Equal(StepOutcome.Skipped("no email address"), await Executor().ExecuteAsync(Request(Channel.Email, none), Cancel));
        Assert.Equal(StepOutcome.Skipped("no phone number"), await Executor().ExecuteAsync(Request(Channel.Sms, none), Cancel));
        Assert.Equal(StepOutcome.Skipped("no push subscription"), await Executor().ExecuteAsync(Request(Channel.Push, none), Cancel));
        Assert.Equal(
            StepOutcome.Skipped("the phone number is not in international (E.164) form"),
            await Executor().ExecuteAsync(Request(Channel.Sms, Contact() with { Phone = "555 123" }, stepId: "step-2"), Cancel));
        Assert.Empty(composer.Calls);
    }

    [Fact]
    public async Task A_suppressed_address_is_skipped()
    {
        await suppressions.AddAsync(Shop, null, "ana@example.com", "unsubscribed", clock.GetUtcNow(), Cancel);

        var outcome = await Executor().ExecuteAsync(Request(Channel.Email), Cancel);

        Assert.Equal(StepOutcome.Skipped("suppressed: unsubscribed"), outcome);
        Assert.Empty(resend.Requests);
    }

    [Fact]
    public async Task The_sms_carries_the_store_name_the_link_and_stop_within_the_segment_limit()
    {
        composer.SmsBody = string.Join(' ', Enumerable.Repeat("Your lovely items are still waiting for you.", 10));

        var outcome = await Executor().ExecuteAsync(Request(Channel.Sms), Cancel);

        var stored = Assert.Single(outbox.ReadAll());
        Assert.StartsWith("Linen & Co: Your lovely items", stored.Text, StringComparison.Ordinal);
        Assert.EndsWith("\nReply STOP to opt out", stored.Text, StringComparison.Ordinal);
        Assert.Contains($"https://demo.example/r/{outcome.MessageId}?utm_medium=sms", stored.Text, StringComparison.Ordinal);
        Assert.True(Core.Messaging.Sms.SmsSegments.Count(stored.Text).Segments <= 2);
        var record = await store.GetAsync(Shop, outcome.MessageId!, Cancel);
        Assert.Equal(stored.Text, record!.Content!.Text);
        Assert.Equal("+15551234567", record.Recipient);
    }

    [Fact]
    public async Task A_refusal_is_recorded_as_failed_and_not_retried()
    {
        resend.Respond = TestDelivery.Status(422, """{"name":"validation_error"}""");

        var outcome = await Executor().ExecuteAsync(Request(Channel.Email), Cancel);
        var again = await Executor().ExecuteAsync(Request(Channel.Email), Cancel);

        Assert.Equal(StepOutcome.Failed("HTTP 422 (validation_error)"), outcome);
        Assert.Equal(outcome, again);
        Assert.Single(resend.Requests);
        var record = await store.FindByKeyAsync(Shop, Request(Channel.Email).IdempotencyKey, Cancel);
        Assert.Equal(MessageStatus.Failed, record!.Status);
    }

    [Fact]
    public async Task A_transient_failure_throws_for_the_engine_to_retry_and_the_retry_sends_once()
    {
        resend.Respond = TestDelivery.Status(503);
        await Assert.ThrowsAsync<TransientDeliveryException>(() => Executor().ExecuteAsync(Request(Channel.Email), Cancel));
        var pending = await store.FindByKeyAsync(Shop, Request(Channel.Email).IdempotencyKey, Cancel);
        Assert.Equal((MessageStatus.Sending, 1, "HTTP 503"), (pending!.Status, pending.Attempts, pending.Reason));

        resend.Respond = TestDelivery.Status(200, """{"id":"re-2"}""");
        var outcome = await Executor().ExecuteAsync(Request(Channel.Email), Cancel);

        Assert.Equal(StepOutcome.Sent(pending.MessageId), outcome);
        Assert.Single(composer.Calls);
        Assert.Equal(2, resend.Requests.Count); // one request per attempt: the provider retries nothing, the engine retries the step
    }

    [Fact]
    public async Task A_step_resumed_after_the_customer_unsubscribed_is_skipped_not_sent()
    {
        resend.Respond = TestDelivery.Status(503);
        await Assert.ThrowsAsync<TransientDeliveryException>(() => Executor().ExecuteAsync(Request(Channel.Email), Cancel));
        await suppressions.AddAsync(Shop, Channel.Email, "ana@example.com", "unsubscribed", clock.GetUtcNow(), Cancel);
        resend.Respond = TestDelivery.Status(200, """{"id":"re-3"}""");

        var outcome = await Executor().ExecuteAsync(Request(Channel.Email), Cancel);

        Assert.Equal(StepOutcome.Skipped("suppressed: unsubscribed"), outcome);
        Assert.Single(resend.Requests); // the first attempt's one request; the resumed step sends nothing
    }

    [Theory]
    [InlineData("ana@example.com\r\nBcc: eve@example.com")]
    [InlineData("ana@example.com\nBcc: eve@example.com")]
    [InlineData("ana\r@example.com")]
    public async Task A_recipient_with_a_line_break_is_refused_before_sending_and_its_row_ends_final(string address)
    {
        // Defect 6 of issue 9: SMTP threw FormatException for such an address and the message row stayed "sending" forever.
        var smtp = new SmtpEmailSender(
            Options.Create(new EmailOptions { FromAddress = "shop@mail.example", Smtp = new SmtpSettings { Host = "127.0.0.1", Port = Testing.FreePort.Next() } }),
            TestDelivery.Factory());
        var request = Request(Channel.Email, Contact() with { Email = address });

        var outcome = await Executor(smtp).ExecuteAsync(request, Cancel);

        Assert.Equal(StepOutcome.Skipped("the email address is not valid"), outcome);
        Assert.Empty(composer.Calls);
        var record = await store.FindByKeyAsync(Shop, request.IdempotencyKey, Cancel);
        Assert.Equal(MessageStatus.Skipped, record!.Status);
        Assert.DoesNotContain("eve", record.Recipient ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_cannot_take_the_address_fails_the_message_instead_of_leaving_it_sending()
    {
        var request = Request(Channel.Email);

        var outcome = await Executor(new RefusesInput()).ExecuteAsync(request, Cancel);

        Assert.Equal(StepOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("FormatException", outcome.Reason, StringComparison.Ordinal);
        var record = await store.FindByKeyAsync(Shop, request.IdempotencyKey, Cancel);
        Assert.Equal((MessageStatus.Failed, outcome.Reason), (record!.Status, record.Reason));
    }

    [Fact]
    public async Task A_popup_step_sends_nothing_and_waits_for_the_storefront()
    {
        var request = Request(Channel.Popup);
        var outcome = await Executor().ExecuteAsync(request, Cancel);

        Assert.Equal(StepOutcomeKind.Sent, outcome.Kind);
        Assert.Empty(resend.Requests);
        Assert.Empty(outbox.ReadAll());
        var pending = await store.FindPendingAsync(Shop, "cart-tok-1", Cancel);
        Assert.Equal(outcome.MessageId, pending!.MessageId);
        Assert.Equal(request.StepId, pending.Step.StepId);
        Assert.Equal(request.IdempotencyKey, pending.Step.IdempotencyKey);
        Assert.Equal(request.Cart.Lines.Take(3).Select(l => l.Title), pending.Step.Cart.Lines.Select(l => l.Title));
        Assert.Equal(MessageStatus.PendingDisplay, (await store.GetAsync(Shop, outcome.MessageId!, Cancel))!.Status);
        Assert.Null(await store.FindPendingAsync(Shop, "another-cart", Cancel));
    }

    [Fact]
    public async Task A_popup_without_a_cart_token_is_skipped()
    {
        var request = Request(Channel.Popup) with { Cart = Cart(Contact()) with { CartToken = null } };

        Assert.Equal(StepOutcomeKind.Skipped, (await Executor().ExecuteAsync(request, Cancel)).Kind);
    }

    [Fact]
    public async Task A_push_step_goes_to_the_subscription_saved_for_the_cart()
    {
        await pushSubscriptions.SaveAsync(Shop, "cart-tok-1", null, new PushSubscription("https://push.example/s/1", "key", "auth"), clock.GetUtcNow(), Cancel);

        var outcome = await Executor().ExecuteAsync(Request(Channel.Push), Cancel);

        Assert.Equal(StepOutcomeKind.Sent, outcome.Kind);
        var stored = Assert.Single(outbox.ReadAll());
        Assert.Equal("https://push.example/…", stored.Recipient);
        var record = await store.GetAsync(Shop, outcome.MessageId!, Cancel);
        Assert.Equal("push.example", record!.Recipient);
    }

    private StepExecutor Executor(IEmailSender? email = null) => new(
        store,
        composer,
        suppressions,
        pushSubscriptions,
        email ?? ResendSender(),
        outbox,
        outbox,
        new StepDeliveryOptions { MaxSegments = 2 },
        new InMemoryShops([new ShopSeedOptions { Shop = Shop, Name = "Linen & Co" }]),
        NullLogger<StepExecutor>.Instance);

    private ResendEmailSender ResendSender() => new(
        http,
        Options.Create(new EmailOptions { Provider = EmailProviderKind.Resend, Resend = new ResendSettings { BaseUrl = resend.BaseAddress, ApiKey = "re_k" } }),
        TestDelivery.Factory(clock));

    private static ContactInfo Contact() => new("Ana@Example.com ", "+1 (555) 123-4567", ConsentState.Subscribed, ConsentState.Subscribed);

    private CartSnapshot Cart(ContactInfo contact) => new(
        Shop,
        "chk-1",
        CartKind.Checkout,
        "cart-tok-1",
        "chk-1",
        new CustomerSnapshot(42, "Ana", "Lima", 1, 80m),
        contact,
        "EUR",
        59.90m,
        "en",
        [new CartLine(1, 2, "Linen shirt", "M", 1, 59.90m, null, "LS-M")],
        "https://demo.example/recover",
        clock.GetUtcNow());

    private StepRequest Request(Channel channel, ContactInfo? contact = null, string stepId = "step-1") => new(
        WorkflowId.For(Shop, "chk-1").Value,
        Cart(contact ?? Contact()),
        stepId,
        0,
        channel,
        MessageIntent.HelpfulReminder,
        false,
        null,
        StepRequest.KeyFor(Shop, "chk-1", stepId, channel));

    /// <summary>A provider library that throws on an address it cannot parse (as System.Net.Mail and MimeKit do).</summary>
    private sealed class RefusesInput : IEmailSender
    {
        public string Provider => "strict";

        public Task<ProviderReceipt> SendAsync(RenderedMessage message, string to, DeliveryContext context, CancellationToken cancellationToken) =>
            throw new FormatException("The specified string is not in the form required for an e-mail address.");
    }

    /// <summary>Sends for real, then fails as a process crash before the outcome is recorded would.</summary>
    private sealed class CrashAfterSend(IEmailSender inner) : IEmailSender
    {
        public string Provider => inner.Provider;

        public async Task<ProviderReceipt> SendAsync(RenderedMessage message, string to, DeliveryContext context, CancellationToken cancellationToken)
        {
            await inner.SendAsync(message, to, context, cancellationToken);
            throw new InvalidOperationException("crash after send");
        }
    }
}
