using Azure.Data.Tables;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Messages;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Tests.Messages;

public sealed class TableMessagesTests : IAsyncLifetime
{
    private const string Shop = "demo-store.myshopify.com";
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));
    private StorageTables tables = null!;
    private TableMessages store = null!;
    private MessagePersonalData privacy = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        tables = new StorageTables(new TableServiceClient(await AzuriteServer.Shared()), Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));
        store = new TableMessages(tables, clock);
        privacy = new MessagePersonalData(store, tables, clock);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_key_names_one_message_however_often_it_is_created()
    {
        var (first, created) = await store.CreateAsync(Draft("step-1"), MessageStatus.Sending, null, Cancel);
        clock.Advance(TimeSpan.FromSeconds(1));
        var (second, createdAgain) = await store.CreateAsync(Draft("step-1"), MessageStatus.Skipped, "late", Cancel);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal(MessageStatus.Sending, second.Status);
        Assert.Equal(first.MessageId, (await store.FindByKeyAsync(Shop, Draft("step-1").IdempotencyKey, Cancel))!.MessageId);
        Assert.Null(await store.FindByKeyAsync(Shop, Draft("step-2").IdempotencyKey, Cancel));
    }

    [Fact]
    public async Task Html_longer_than_a_table_property_round_trips_in_parts()
    {
        var (record, _) = await store.CreateAsync(Draft("step-1"), MessageStatus.Sending, null, Cancel);
        var html = "<p>" + string.Concat(Enumerable.Range(0, 9000).Select(i => $"{i:D5} ")) + "</p>"; // about 54K characters

        await store.SaveContentAsync(Shop, record.MessageId, Content(html), Cancel);

        var read = await store.GetAsync(Shop, record.MessageId, Cancel);
        Assert.Equal(html, read!.Content!.Html);
        Assert.Equal("Subject", read.Content.Subject);
        Assert.Equal("https://demo.example/u/1", read.Content.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public async Task Provider_ids_resolve_to_their_message_for_webhooks()
    {
        var (record, _) = await store.CreateAsync(Draft("step-1"), MessageStatus.Sending, null, Cancel);

        await store.MarkSentAsync(Shop, record.MessageId, "webpush", "https://push.example/m/a?b=c#d", Cancel);

        Assert.Equal((Shop, record.MessageId), await store.FindByProviderIdAsync("webpush", "https://push.example/m/a?b=c#d", Cancel));
        Assert.Null(await store.FindByProviderIdAsync("resend", "https://push.example/m/a?b=c#d", Cancel));
    }

    [Fact]
    public async Task Events_are_recorded_in_order_and_unknown_messages_record_nothing()
    {
        var (record, _) = await store.CreateAsync(Draft("step-1"), MessageStatus.Sending, null, Cancel);
        await store.MarkSentAsync(Shop, record.MessageId, "resend", "re-1", Cancel);
        var opened = clock.GetUtcNow().AddMinutes(5);

        Assert.True(await store.RecordAsync(Shop, record.MessageId, MessageEventKind.Delivered, clock.GetUtcNow(), Cancel));
        Assert.True(await store.RecordAsync(Shop, record.MessageId, MessageEventKind.Opened, opened, Cancel));
        Assert.False(await store.RecordAsync(Shop, "0000000000000000000deadbeef", MessageEventKind.Opened, opened, Cancel));
        Assert.False(await store.RecordAsync(Shop, "../../x", MessageEventKind.Opened, opened, Cancel));
        Assert.False(await store.RecordAsync("other.myshopify.com", record.MessageId, MessageEventKind.Opened, opened, Cancel));

        var read = await store.GetAsync(Shop, record.MessageId, Cancel);
        Assert.Equal(["Sending", "Sent", "Delivered", "Opened"], read!.Events.Select(e => e.Kind));
        Assert.Equal(opened, read.Events[^1].At);
    }

    [Fact]
    public async Task A_popup_is_pending_with_its_step_through_shown_and_dismissed_until_clicked()
    {
        var (record, _) = await store.CreateAsync(Draft("step-1", Channel.Popup), MessageStatus.Sending, null, Cancel);
        var step = PopupStep(lines: 5);
        await store.MarkPendingDisplayAsync(Shop, record.MessageId, step, Cancel);

        var pending = await store.FindPendingAsync(Shop, "cart-tok", Cancel);
        await store.RecordAsync(Shop, record.MessageId, MessageEventKind.Shown, clock.GetUtcNow().AddHours(1), Cancel);
        await store.RecordAsync(Shop, record.MessageId, MessageEventKind.Dismissed, clock.GetUtcNow().AddHours(1).AddSeconds(10), Cancel);
        var afterDismissed = await store.FindPendingAsync(Shop, "cart-tok", Cancel);
        await store.RecordAsync(Shop, record.MessageId, MessageEventKind.Clicked, clock.GetUtcNow().AddHours(30), Cancel);
        var afterClicked = await store.FindPendingAsync(Shop, "cart-tok", Cancel);

        Assert.Equal(record.MessageId, pending!.MessageId);
        Assert.Equal(step.IdempotencyKey, pending.Step.IdempotencyKey);
        Assert.Equal(["line 0", "line 1", "line 2"], pending.Step.Cart.Lines.Select(l => l.Title));
        Assert.Equal(record.MessageId, afterDismissed!.MessageId);
        Assert.Equal(MessageStatus.Displayed, (await store.GetAsync(Shop, record.MessageId, Cancel))!.Status);
        Assert.Null(afterClicked);
        Assert.Null(await store.FindPendingAsync("other.myshopify.com", "cart-tok", Cancel));
    }

    [Fact]
    public async Task Erasing_a_customer_removes_recipient_and_content_and_keeps_the_facts()
    {
        var (ana, _) = await store.CreateAsync(Draft("step-1", recipient: "ana@example.com", customerKey: "email:ana@example.com"), MessageStatus.Sending, null, Cancel);
        await store.SaveContentAsync(Shop, ana.MessageId, Content("<p>Hi Ana</p>"), Cancel);
        await store.MarkSentAsync(Shop, ana.MessageId, "resend", "re-ana", Cancel);
        var (sms, _) = await store.CreateAsync(Draft("step-2", Channel.Sms, recipient: "+15551234567", customerKey: "id:42"), MessageStatus.Sending, null, Cancel);
        var (bob, _) = await store.CreateAsync(Draft("step-3", recipient: "bob@example.com", customerKey: "email:bob@example.com"), MessageStatus.Sending, null, Cancel);
        await store.SaveContentAsync(Shop, bob.MessageId, Content("<p>Hi Bob</p>"), Cancel);

        var exported = await privacy.ExportCustomerAsync(Shop, new CustomerRef(42, "ANA@example.com", null), Cancel);
        await privacy.EraseCustomerAsync(Shop, new CustomerRef(42, "Ana@Example.com ", null), Cancel);

        Assert.Equal(2, exported.Count);
        var erased = (await store.GetAsync(Shop, ana.MessageId, Cancel))!;
        Assert.True(erased.Erased);
        Assert.Null(erased.Recipient);
        Assert.Null(erased.CustomerKey);
        Assert.Null(erased.Content);
        Assert.Equal(MessageStatus.Sent, erased.Status);
        Assert.Equal("re-ana", erased.ProviderMessageId);
        Assert.Null((await store.GetAsync(Shop, sms.MessageId, Cancel))!.Recipient);
        var untouched = (await store.GetAsync(Shop, bob.MessageId, Cancel))!;
        Assert.Equal("bob@example.com", untouched.Recipient);
        Assert.Equal("<p>Hi Bob</p>", untouched.Content!.Html);
        Assert.Empty(await privacy.ExportCustomerAsync(Shop, new CustomerRef(42, "ana@example.com", "+15551234567"), Cancel));
    }

    [Fact]
    public async Task Erasing_a_customer_withdraws_their_pending_popup()
    {
        var (record, _) = await store.CreateAsync(Draft("step-1", Channel.Popup, recipient: null, customerKey: "id:42"), MessageStatus.Sending, null, Cancel);
        await store.MarkPendingDisplayAsync(Shop, record.MessageId, PopupStep(lines: 1), Cancel);

        await privacy.EraseCustomerAsync(Shop, new CustomerRef(42, null, null), Cancel);

        Assert.Null(await store.FindPendingAsync(Shop, "cart-tok", Cancel));
        Assert.True((await store.GetAsync(Shop, record.MessageId, Cancel))!.Erased);
    }

    [Fact]
    public async Task Erasing_a_shop_deletes_its_messages_and_index_rows_only()
    {
        var (mine, _) = await store.CreateAsync(Draft("step-1"), MessageStatus.Sending, null, Cancel);
        await store.MarkSentAsync(Shop, mine.MessageId, "resend", "re-mine", Cancel);
        var other = Draft("step-1") with { Shop = "other.myshopify.com", IdempotencyKey = "other/step-1" };
        var (theirs, _) = await store.CreateAsync(other, MessageStatus.Sending, null, Cancel);
        await store.MarkSentAsync("other.myshopify.com", theirs.MessageId, "resend", "re-theirs", Cancel);

        await privacy.EraseShopAsync(Shop, Cancel);

        Assert.Null(await store.GetAsync(Shop, mine.MessageId, Cancel));
        Assert.Null(await store.FindByKeyAsync(Shop, Draft("step-1").IdempotencyKey, Cancel));
        Assert.Null(await store.FindByProviderIdAsync("resend", "re-mine", Cancel));
        Assert.NotNull(await store.GetAsync("other.myshopify.com", theirs.MessageId, Cancel));
        Assert.NotNull(await store.FindByProviderIdAsync("resend", "re-theirs", Cancel));
    }

    [Fact]
    public async Task A_continuation_token_pointing_into_another_shop_reveals_nothing_of_it()
    {
        await store.CreateAsync(Draft("step-1"), MessageStatus.Sending, null, Cancel);

        var page = await store.ListAsync(new MessageQuery(Shop, null, null, 10, null), Cancel);
        Assert.Single(page.Items);

        // A raw service token naming another shop's partition was not issued for this listing: refused before any query.
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync(new MessageQuery("other.myshopify.com", null, null, 10, "1!24!ZGVtby1zdG9yZS5teXNob3BpZnkuY29t 1!8!bS0w"), Cancel));
    }

    private static MessageDraft Draft(string step, Channel channel = Channel.Email, string? recipient = "ana@example.com", string? customerKey = "id:42") =>
        new(Shop, "cart-1", step, 0, channel, MessageIntent.HelpfulReminder, $"{Shop}/chk/{step}/{channel}", recipient, customerKey, "cart-tok");

    private static StepRequest PopupStep(int lines)
    {
        var cart = new CartSnapshot(
            Shop, "chk", CartKind.Cart, "cart-tok", null, null, ContactInfo.None, "EUR", 10m, "en",
            Enumerable.Range(0, lines).Select(i => new CartLine(i, i, $"line {i}", null, 1, 2m, null, null)).ToList(),
            null, DateTimeOffset.UnixEpoch);
        return new StepRequest("cart-1", cart, "step-1", 0, Channel.Popup, MessageIntent.HelpfulReminder, false, null, $"{Shop}/chk/step-1/Popup");
    }

    private static RenderedMessage Content(string? html) => new(
        Channel.Email, "en", "Subject", "Pre", html, "Text", null, "https://demo.example/r", new Dictionary<string, string> { ["List-Unsubscribe"] = "https://demo.example/u/1" }, "template", null);
}
