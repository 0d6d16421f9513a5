using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Messaging.Sms;
using CartRecovery.Core.Messaging.Steps;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Tracking;
using CartRecovery.Integrations.Email;
using CartRecovery.Integrations.Messaging;
using CartRecovery.Integrations.Outbox;
using CartRecovery.Integrations.Sms;
using CartRecovery.Storage.Links;
using CartRecovery.Storage.Messages;
using CartRecovery.Storage.Push;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.Messaging;

/// <summary>The executor with the real composer: in every locale the SMS names the store, carries the tracked link, and ends with the STOP sentence.</summary>
public sealed class SmsWithRealComposerTests : IAsyncLifetime
{
    private const string Shop = "zoe-s-store.myshopify.com";
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 3, 10, 9, 30, 0, TimeSpan.Zero));
    private readonly string outboxFolder = Path.Combine(Path.GetTempPath(), "outbox-" + Guid.NewGuid().ToString("N"));
    private StepExecutor executor = null!;
    private OutboxSender outbox = null!;

    public async ValueTask InitializeAsync()
    {
        var tables = await TestStorage.TablesAsync();
        var stores = new InMemoryShops([new ShopSeedOptions { Shop = Shop, Name = "Zoë's Store", DefaultLocale = "en" }]);
        const string key = "test-signing-key-0123456789abcdef-0123456789";
        var linkOptions = new AppLinkOptions { PublicBaseUrl = "https://recover.example", SigningKey = key };
        var links = new MessageLinks(linkOptions, new TokenSigner(key), clock);
        var composer = new MessageComposer(stores, links, new NoAiCopy(), new NoRecommendations(), new TableLinkShortener(tables, linkOptions), new CompositionOptions(), clock, NullLogger<MessageComposer>.Instance);
        outbox = new OutboxSender(Options.Create(new OutboxOptions { Directory = outboxFolder }), clock);
        executor = new StepExecutor(
            new TableMessages(tables, clock),
            composer,
            new TestSuppressionList(),
            new TablePushSubscriptions(tables),
            new SmtpEmailSender(Options.Create(new EmailOptions()), Delivery.TestDelivery.Factory(clock)),
            outbox,
            outbox,
            new StepDeliveryOptions { MaxSegments = 2 },
            stores,
            NullLogger<StepExecutor>.Instance);
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(outboxFolder))
        {
            Directory.Delete(outboxFolder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("en-US", "Reply STOP to opt out.")]
    [InlineData("de-DE", "Antworten Sie STOP zum Abmelden.")]
    [InlineData("fr-FR", "Répondez STOP pour vous désabonner.")]
    [InlineData("es-ES", "Responde STOP para darte de baja.")]
    [InlineData("ja-JP", "配信停止はSTOPと返信してください。")]
    public async Task Every_locale_gets_store_link_and_stop_within_two_segments(string locale, string stop)
    {
        var cart = new CartSnapshot(
            Shop, "chk-1", CartKind.Checkout, "cart-1", "chk-1", new CustomerSnapshot(42, "Zoë", "Doe", 1, 10m),
            new ContactInfo(null, "+49 151 12345678", ConsentState.Unknown, ConsentState.Subscribed), "EUR", 19.98m, locale,
            [new CartLine(1, 11, "Ceramic Mug", "Blue", 2, 9.99m, null, "MUG-1")], "https://zoe-s-store.myshopify.com/checkouts/chk-1/recover", clock.GetUtcNow());
        var request = new StepRequest("cart-1", cart, "sms-24h", 1, Channel.Sms, MessageIntent.SocialProof, false, null, StepRequest.KeyFor(Shop, "chk-1", "sms-24h", Channel.Sms));

        var outcome = await executor.ExecuteAsync(request, TestContext.Current.CancellationToken);

        Assert.True(outcome.Kind == StepOutcomeKind.Sent, outcome.Reason);
        var text = Assert.Single(outbox.ReadAll()).Text;
        Assert.StartsWith("Zoë's Store", text, StringComparison.Ordinal);
        Assert.EndsWith("\n" + stop, text, StringComparison.Ordinal);
        Assert.Contains(" https://recover.example/", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("https://recover.example/", StringComparison.Ordinal) < text.IndexOf(stop, StringComparison.Ordinal));
        Assert.Equal(1, (text.Length - text.Replace("STOP", string.Empty, StringComparison.Ordinal).Length) / 4);
        Assert.True(SmsSegments.Count(text).Segments <= 2, $"{SmsSegments.Count(text)}: {text}");
    }
}
