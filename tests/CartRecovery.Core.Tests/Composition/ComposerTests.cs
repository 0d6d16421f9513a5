using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Composition;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Tracking;
using CartRecovery.Testing;

namespace CartRecovery.Core.Tests.Composition;

public sealed class ComposerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hostile_product_and_customer_names_are_escaped_in_html_and_kept_as_text_elsewhere()
    {
        var hostile = "<script>alert('x')</script>\" onerror=\"alert(1)";
        var cart = CompositionFixture.Cart("en", firstName: "<img src=x onerror=alert(1)>", new CartLine(1, 1, hostile, "<i>v</i>", 1, 10m, "javascript:alert(1)", null));

        var message = await CompositionFixture.Composer().ComposeAsync(CompositionFixture.Step(cart, Channel.Email, MessageIntent.HelpfulReminder), "m1", Cancel);

        Assert.DoesNotContain("<script>", message.Html);
        Assert.DoesNotContain("<img src=x", message.Html);
        Assert.DoesNotContain("<i>v</i>", message.Html);
        Assert.DoesNotContain("javascript:", message.Html);
        Assert.DoesNotContain("\" onerror=\"", message.Html);
        Assert.Contains("&lt;script&gt;alert(", message.Html);
        Assert.Contains(")&lt;/script&gt;&quot; onerror&#x3D;&quot;alert(1)", message.Html);
        Assert.Contains("&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;", message.Html);
        Assert.Contains(hostile, message.Text);
    }

    [Fact]
    public async Task Line_breaks_in_names_never_reach_the_subject_or_headers()
    {
        var composer = new MessageComposer(
            new InMemoryShops([new ShopSeedOptions { Shop = CompositionFixture.Shop, Name = "Evil\r\nBcc: victim@example.com\r\n" }]),
            CompositionFixture.Links(), new NoAiCopy(), new NoRecommendations(), new NoLinkShortener(), new CompositionOptions(), TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<MessageComposer>.Instance);
        var cart = CompositionFixture.Cart("en");

        var message = await composer.ComposeAsync(CompositionFixture.Step(cart, Channel.Email, MessageIntent.HelpfulReminder), "m1", Cancel);

        Assert.Equal("You left something in your cart at Evil Bcc: victim@example.com", message.Subject);
        Assert.DoesNotContain('\r', message.Preheader!);
        Assert.DoesNotContain(message.Headers.Values, v => v.Contains('\n') || v.Contains('\r'));
    }

    [Fact]
    public async Task Without_a_first_name_the_greeting_is_the_polite_fallback_of_the_language()
    {
        var cart = CompositionFixture.Cart("de", firstName: "  ");

        var message = await CompositionFixture.Composer().ComposeAsync(CompositionFixture.Step(cart, Channel.Email, MessageIntent.HelpfulReminder), "m1", Cancel);

        Assert.StartsWith("Guten Tag,\n", message.Text);
    }

    [Fact]
    public async Task A_final_offer_without_an_issued_code_uses_the_copy_without_a_code_and_says_so()
    {
        var cart = CompositionFixture.Cart("en");

        var message = await CompositionFixture.Composer().ComposeAsync(CompositionFixture.Step(cart, Channel.Email, MessageIntent.FinalOffer, includeIncentive: true), "m1", Cancel);

        Assert.Contains("We would love for you to have them.", message.Text);
        Assert.DoesNotContain("code", message.Text.Split("--")[0], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("incentive: none was issued", message.FallbackReason);
        Assert.Equal("template", message.CopySource);
    }

    [Fact]
    public async Task Every_email_carries_an_unsubscribe_link_and_one_click_headers_for_the_same_token()
    {
        var cart = CompositionFixture.Cart("fr");

        var message = await CompositionFixture.Composer().ComposeAsync(CompositionFixture.Step(cart, Channel.Email, MessageIntent.Scarcity), "m1", Cancel);

        var header = message.Headers["List-Unsubscribe"];
        var url = header[1..header.IndexOf('>')];
        Assert.StartsWith("https://recover.example/api/u/", url);
        Assert.Contains(url, message.Html);
        Assert.Contains(url, message.Text);
        Assert.Contains("<mailto:unsubscribe@recover.example?subject=unsubscribe>", header);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var token = new TokenSigner(CompositionFixture.SigningKey).Verify(url[(url.LastIndexOf('/') + 1)..], TokenPurpose.Unsubscribe, CompositionFixture.Now).Token!;
        Assert.Equal(("zoe@example.com", "+4915112345678", "id:42", "fr"), (token.Email, token.Phone, token.CustomerKey, token.Locale));
    }

    [Fact]
    public async Task The_restore_link_is_a_signed_click_to_the_recovery_url_with_the_message_identity()
    {
        var cart = CompositionFixture.Cart("en");

        var message = await CompositionFixture.Composer().ComposeAsync(CompositionFixture.Step(cart, Channel.Sms, MessageIntent.HelpfulReminder), "msg-9", Cancel);

        var token = new TokenSigner(CompositionFixture.SigningKey).Verify(message.ActionUrl.Split('/')[^1], TokenPurpose.Click, CompositionFixture.Now).Token!;
        Assert.Equal(cart.RecoveryUrl, token.Target);
        Assert.Equal(("msg-9", "cart-0123456789abcdef", Channel.Sms, "step-helpfulreminder"), (token.MessageId, token.WorkflowId, token.Channel, token.StepId));
        Assert.Equal((null, null, null), (token.Email, token.Phone, token.CustomerKey));
        Assert.Contains(message.ActionUrl, message.Text);
        Assert.EndsWith("Reply STOP to opt out.", message.Text);
        Assert.StartsWith("Zoë's Store:", message.Text);
    }

    [Theory]
    [InlineData("https://elsewhere.example/123/checkouts/c1/recover?key=k", "https://zoe-s-store.myshopify.com/123/checkouts/c1/recover?key=k")]
    [InlineData("https://shop.zoe.example/cart/1:2", "https://shop.zoe.example/cart/1:2")]
    [InlineData(null, "https://zoe-s-store.myshopify.com/cart")]
    [InlineData("javascript:alert(1)", "https://zoe-s-store.myshopify.com/cart")]
    public void A_recovery_url_off_the_store_domains_moves_to_the_myshopify_domain(string? recoveryUrl, string expected)
    {
        var cart = CompositionFixture.Cart("en") with { RecoveryUrl = recoveryUrl };

        Assert.Equal(expected, MessageComposer.RestoreTarget(cart, CompositionFixture.Store, allowInsecure: false));
    }

    [Fact]
    public async Task Recommendations_appear_with_tracked_links_when_the_seam_supplies_them()
    {
        var cart = CompositionFixture.Cart("en");
        var composer = CompositionFixture.Composer(recommendations: new FixedRecommendations(
            new Recommendation("Saucer", "https://shop.zoe.example/products/saucer", 5m, null),
            new Recommendation("Teapot", "https://shop.zoe.example/products/teapot", 30m, null),
            new Recommendation("Spoon", "https://shop.zoe.example/products/spoon", 2m, null),
            new Recommendation("Fourth", "https://shop.zoe.example/products/fourth", 2m, null)));

        var message = await composer.ComposeAsync(CompositionFixture.Step(cart, Channel.Email, MessageIntent.SocialProof), "m1", Cancel);

        Assert.Contains("You might also like", message.Html);
        Assert.Contains("Teapot", message.Html);
        Assert.DoesNotContain("Fourth", message.Html);
        Assert.DoesNotContain("products/saucer", message.Html);
    }

    [Fact]
    public async Task Without_recommendations_the_section_is_omitted()
    {
        var message = await CompositionFixture.Composer().ComposeAsync(CompositionFixture.Step(CompositionFixture.Cart("en"), Channel.Email, MessageIntent.SocialProof), "m1", Cancel);

        Assert.DoesNotContain("You might also like", message.Html);
    }

    [Fact]
    public async Task The_popup_shows_at_most_three_items_with_a_signed_event_token()
    {
        var lines = Enumerable.Range(1, 5).Select(i => new CartLine(i, i, $"Item {i}", null, 1, i, null, null)).ToArray();
        var cart = CompositionFixture.Cart("es", "Zoë", lines);

        var popup = await CompositionFixture.Composer().ComposePopupAsync(CompositionFixture.Step(cart, Channel.Popup, MessageIntent.HelpfulReminder), "m1", Cancel);

        Assert.Equal(["Item 1", "Item 2", "Item 3"], popup.Items.Select(i => i.Title));
        Assert.Equal("¡Bienvenido de nuevo!", popup.Heading);
        Assert.True(new TokenSigner(CompositionFixture.SigningKey).Verify(popup.EventToken, TokenPurpose.Popup, CompositionFixture.Now).IsValid);
    }

    [Fact]
    public async Task Sms_links_are_shortened_and_the_short_link_stands_for_the_signed_click()
    {
        var shortener = new MemoryShortener();
        var cart = CompositionFixture.Cart("ja");

        var message = await CompositionFixture.Composer(shortener: shortener).ComposeAsync(CompositionFixture.Step(cart, Channel.Sms, MessageIntent.Scarcity), "m1", Cancel);

        var (shop, url, expires) = Assert.Single(shortener.Links);
        Assert.Equal(CompositionFixture.Shop, shop);
        Assert.StartsWith("https://recover.example/api/t/c/", url);
        Assert.Equal(CompositionFixture.Now + new AppLinkOptions().TrackingLifetime, expires);
        Assert.Equal("https://recover.example/api/s/short1", message.ActionUrl);
        Assert.Contains(" https://recover.example/api/s/short1 ", message.Text);
        Assert.True(message.Text.Length < 120, message.Text);
    }

    private sealed class MemoryShortener : ILinkShortener
    {
        public List<(string Shop, string Url, DateTimeOffset ExpiresAt)> Links { get; } = [];

        public Task<string> ShortenAsync(string shop, string url, DateTimeOffset expiresAt, CancellationToken cancellationToken)
        {
            Links.Add((shop, url, expiresAt));
            return Task.FromResult($"https://recover.example/api/s/short{Links.Count}");
        }

        public Task<string?> ResolveAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class FixedRecommendations(params Recommendation[] items) : IRecommendations
    {
        public Task<IReadOnlyList<Recommendation>> ForCartAsync(CartSnapshot cart, int max, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<Recommendation>>(items);
    }
}
