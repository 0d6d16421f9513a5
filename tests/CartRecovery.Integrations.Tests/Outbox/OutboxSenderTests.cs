using CartRecovery.Core.Messaging;
using CartRecovery.Integrations.Delivery;
using CartRecovery.Integrations.Outbox;
using CartRecovery.Integrations.Tests.Delivery;
using CartRecovery.Testing;

namespace CartRecovery.Integrations.Tests.Outbox;

public sealed class OutboxSenderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "outbox-" + Guid.NewGuid().ToString("N"));
    private readonly ManualTimeProvider clock = new();

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Stores_an_sms_with_the_number_masked()
    {
        var outbox = Outbox();

        var receipt = await outbox.SendAsync("Demo Store: hi\nReply STOP to opt out", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken);

        var entry = Assert.Single(outbox.ReadAll());
        Assert.Equal("outbox", receipt.Provider);
        Assert.Equal(receipt.ProviderMessageId, entry.Id);
        Assert.Equal("Sms", entry.Channel);
        Assert.Equal("********4567", entry.Recipient);
        Assert.Equal("Demo Store: hi\nReply STOP to opt out", entry.Text);
        Assert.Equal(clock.GetUtcNow(), entry.StoredAt);
    }

    [Fact]
    public async Task Stores_a_push_message_with_only_the_push_services_host()
    {
        var outbox = Outbox();

        await outbox.SendAsync(TestDelivery.Push(), new PushSubscription("https://fcm.googleapis.com/fcm/send/secret-token", "k", "a"), TestDelivery.Context, TestContext.Current.CancellationToken);

        var entry = Assert.Single(outbox.ReadAll());
        Assert.Equal("Push", entry.Channel);
        Assert.Equal("Demo Store", entry.Title);
        Assert.Equal("https://fcm.googleapis.com/…", entry.Recipient);
        Assert.Equal(TestDelivery.Push().ActionUrl, entry.ActionUrl);
    }

    [Fact]
    public async Task A_repeated_send_of_a_step_keeps_one_message_and_returns_the_same_id()
    {
        var outbox = Outbox();

        var first = await outbox.SendAsync("first", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken);
        clock.Advance(TimeSpan.FromMinutes(5));
        var second = await outbox.SendAsync("second", "+15551234567", TestDelivery.Context, TestContext.Current.CancellationToken);
        var other = await outbox.SendAsync("other", "+15551234567", TestDelivery.Context with { IdempotencyKey = "other" }, TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Equal(["first", "other"], outbox.ReadAll().Select(e => e.Text));
    }

    private OutboxSender Outbox() => new(Microsoft.Extensions.Options.Options.Create(new OutboxOptions { Directory = folder }), clock);
}
