using System.Text;
using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Shops;
using CartRecovery.Core.Tests.Composition;
using CartRecovery.Core.Tests.Fakes;
using CartRecovery.Core.Tracking;
using CartRecovery.Core.Workflow;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Core.Tests.Tracking;

/// <summary>The host-neutral click, open and unsubscribe handlers, with test ports for the message store and the workflow engine.</summary>
public sealed class TrackingHandlerTests
{
    private readonly ManualTimeProvider time = new(CompositionFixture.Now);
    private readonly RecordingMessageEvents events = new();
    private readonly RecordingWorkflows workflows = new();
    private readonly InMemorySuppressionList suppressions = new();
    private readonly TokenSigner signer = new(CompositionFixture.SigningKey);
    private readonly IShopRepository stores = new InMemoryShops([new ShopSeedOptions { Shop = CompositionFixture.Shop, Name = "Zoë's Store", Domains = ["shop.zoe.example"] }]);

    public TrackingHandlerTests() => events.Know("msg-1");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private EngagementRecorder Recorder => new(events, workflows, time, NullLogger<EngagementRecorder>.Instance);

    private ClickRedirectHandler Click => new(signer, stores, Recorder, new AppLinkOptions(), time);

    private UnsubscribeHandler Unsubscribe => new(signer, new OptOutService(suppressions, events, workflows, time), stores, time, NullLogger<UnsubscribeHandler>.Instance);

    private string Sign(TokenPurpose purpose, string? target = "https://shop.zoe.example/checkouts/c1/recover?key=k", TimeSpan? lifetime = null, string? customerKey = "id:42") =>
        signer.Sign(new TrackingToken(purpose, CompositionFixture.Shop, "msg-1", "cart-wf1", "step-2", Channel.Email, customerKey,
            (time.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(1))).ToUnixTimeSeconds(), target, "de", "zoe@example.com", "+4915112345678"));

    private static HostRequest Get(string token, string? body = null, string method = "GET") => new(
        method, "/", new Dictionary<string, string>(), new Dictionary<string, string>(),
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["token"] = token },
        body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(body));

    [Fact]
    public async Task A_click_redirects_to_the_store_with_utm_records_it_and_tells_the_workflow()
    {
        var response = await Click.HandleAsync(Get(Sign(TokenPurpose.Click)), Cancel);

        Assert.Equal(302, response.Status);
        Assert.Equal("https://shop.zoe.example/checkouts/c1/recover?key=k&utm_source=cartrecovery&utm_medium=email&utm_campaign=cart_recovery&utm_content=step-2", response.Headers!["Location"]);
        Assert.Equal(MessageEventKind.Clicked, Assert.Single(events.Events).Kind);
        var (target, signal) = Assert.Single(workflows.Signals);
        Assert.Equal("workflow:cart-wf1", target);
        Assert.Equal(new MessageEngaged(CompositionFixture.Now, "step-2", true), signal);
    }

    [Fact]
    public async Task A_signed_target_off_the_store_domains_is_refused()
    {
        var response = await Click.HandleAsync(Get(Sign(TokenPurpose.Click, "https://evil.example/phish")), Cancel);

        Assert.Equal(400, response.Status);
        Assert.Empty(events.Events);
        Assert.Empty(workflows.Signals);
    }

    [Fact]
    public async Task A_tampered_click_is_refused_without_recording()
    {
        var token = Sign(TokenPurpose.Click);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var response = await Click.HandleAsync(Get(tampered), Cancel);

        Assert.Equal(400, response.Status);
        Assert.Contains("signature", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Empty(events.Events);
    }

    [Fact]
    public async Task An_expired_click_goes_to_the_store_front_unrecorded()
    {
        var token = Sign(TokenPurpose.Click, lifetime: TimeSpan.FromHours(1));
        time.Advance(TimeSpan.FromHours(2));

        var response = await Click.HandleAsync(Get(token), Cancel);

        Assert.Equal(302, response.Status);
        Assert.Equal("https://zoe-s-store.myshopify.com/", response.Headers!["Location"]);
        Assert.Empty(events.Events);
    }

    [Fact]
    public async Task A_click_for_an_unknown_message_still_redirects_but_signals_nothing()
    {
        var token = signer.Sign(new TrackingToken(TokenPurpose.Click, CompositionFixture.Shop, "msg-unknown", "cart-wf1", "s", Channel.Sms, null,
            time.GetUtcNow().AddDays(1).ToUnixTimeSeconds(), "https://shop.zoe.example/cart"));

        var response = await Click.HandleAsync(Get(token), Cancel);

        Assert.Equal(302, response.Status);
        Assert.Empty(workflows.Signals);
    }

    [Theory]
    [InlineData("https://shop.zoe.example/cart\r\nSet-Cookie: a=b")]
    [InlineData("https://shop.zoe.example/cart\nx")]
    [InlineData("https://shop.zoe.example/cart\u0000")]
    public async Task A_signed_target_with_control_characters_is_400_before_any_click_is_recorded(string target)
    {
        var response = await Click.HandleAsync(Get(Sign(TokenPurpose.Click, target)), Cancel);

        Assert.Equal(400, response.Status);
        Assert.Empty(events.Events);
        Assert.Empty(workflows.Signals);
    }

    [Fact]
    public async Task Head_on_a_click_link_answers_the_redirect_without_recording_a_click()
    {
        var response = await Click.HandleAsync(Get(Sign(TokenPurpose.Click), method: "HEAD"), Cancel);

        Assert.Equal(302, response.Status);
        Assert.StartsWith("https://shop.zoe.example/checkouts/c1/recover", response.Headers!["Location"], StringComparison.Ordinal);
        Assert.Empty(events.Events);
        Assert.Empty(workflows.Signals);
    }

    [Fact]
    public async Task Head_on_the_pixel_records_no_open()
    {
        var response = await new OpenPixelHandler(signer, Recorder, time).HandleAsync(Get(Sign(TokenPurpose.Open), method: "HEAD"), Cancel);

        Assert.Equal(200, response.Status);
        Assert.Empty(events.Events);
    }

    [Fact]
    public async Task The_pixel_is_a_gif_even_for_garbage_and_records_only_valid_opens()
    {
        var pixel = new OpenPixelHandler(signer, Recorder, time);

        var garbage = await pixel.HandleAsync(Get("garbage"), Cancel);
        var valid = await pixel.HandleAsync(Get(Sign(TokenPurpose.Open)), Cancel);
        var clickToken = await pixel.HandleAsync(Get(Sign(TokenPurpose.Click)), Cancel);

        foreach (var response in new[] { garbage, valid, clickToken })
        {
            Assert.Equal((200, "image/gif"), (response.Status, response.ContentType));
            Assert.Equal(OpenPixelHandler.Gif, response.Body.ToArray());
        }

        Assert.Equal(MessageEventKind.Opened, Assert.Single(events.Events).Kind);
        Assert.Equal(new MessageEngaged(CompositionFixture.Now, "step-2", false), Assert.Single(workflows.Signals).Signal);
    }

    [Fact]
    public async Task One_click_unsubscribe_suppresses_the_email_records_it_and_stops_every_cart_of_the_customer()
    {
        var response = await Unsubscribe.PostAsync(Get(Sign(TokenPurpose.Unsubscribe), "List-Unsubscribe=One-Click", "POST"), Cancel);

        Assert.Equal(200, response.Status);
        Assert.Equal([(CompositionFixture.Shop, (Channel?)Channel.Email, "zoe@example.com")], suppressions.Entries);
        Assert.Equal(MessageEventKind.Unsubscribed, Assert.Single(events.Events).Kind);
        Assert.Equal(
            [($"customer:{CompositionFixture.Shop}/id:42", (RecoverySignal)new OptedOut(CompositionFixture.Now, Channel.Email)), ("workflow:cart-wf1", new OptedOut(CompositionFixture.Now, Channel.Email))],
            workflows.Signals);
    }

    [Fact]
    public async Task The_preference_page_is_localised_and_carries_a_proof_bound_to_the_token()
    {
        var token = Sign(TokenPurpose.Unsubscribe);

        var page = await Unsubscribe.PageAsync(Get(token), Cancel);

        var html = Encoding.UTF8.GetString(page.Body.Span);
        Assert.Equal((200, "text/html; charset=utf-8"), (page.Status, page.ContentType));
        Assert.Contains("<html lang=\"de\">", html);
        Assert.Contains("Diese E-Mail-Nachrichten beenden", html);
        Assert.Contains($"action=\"/api/u/{token}\"", html);
        Assert.Contains($"value=\"{signer.Proof(UnsubscribeHandler.FormPurpose, token)}\"", html);
        Assert.Contains("frame-ancestors 'none'", page.Headers!["Content-Security-Policy"]);
        Assert.Empty(suppressions.Entries);
    }

    [Fact]
    public async Task The_form_can_leave_every_channel()
    {
        var token = Sign(TokenPurpose.Unsubscribe);
        var csrf = Uri.EscapeDataString(signer.Proof(UnsubscribeHandler.FormPurpose, token));

        var response = await Unsubscribe.PostAsync(Get(token, $"csrf={csrf}&scope=all", "POST"), Cancel);

        Assert.Equal(200, response.Status);
        Assert.Contains("Erledigt", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal(
            new HashSet<(string, Channel?, string)> { (CompositionFixture.Shop, null, "zoe@example.com"), (CompositionFixture.Shop, null, "+4915112345678") },
            suppressions.Entries.ToHashSet());
        Assert.All(workflows.Signals, s => Assert.Equal(new OptedOut(CompositionFixture.Now, null), s.Signal));
    }

    [Theory]
    [InlineData("scope=all")]
    [InlineData("csrf=AAAA&scope=all")]
    [InlineData("")]
    public async Task A_form_post_without_a_valid_proof_is_forbidden_and_changes_nothing(string body)
    {
        var response = await Unsubscribe.PostAsync(Get(Sign(TokenPurpose.Unsubscribe), body, "POST"), Cancel);

        Assert.Equal(403, response.Status);
        Assert.Empty(suppressions.Entries);
        Assert.Empty(workflows.Signals);
    }

    [Fact]
    public async Task A_form_with_an_unknown_scope_is_a_bad_request()
    {
        var token = Sign(TokenPurpose.Unsubscribe);
        var csrf = Uri.EscapeDataString(signer.Proof(UnsubscribeHandler.FormPurpose, token));

        var response = await Unsubscribe.PostAsync(Get(token, $"csrf={csrf}&scope=everything", "POST"), Cancel);

        Assert.Equal(400, response.Status);
        Assert.Empty(suppressions.Entries);
    }

    [Fact]
    public async Task A_click_token_cannot_unsubscribe()
    {
        var response = await Unsubscribe.PostAsync(Get(Sign(TokenPurpose.Click), "List-Unsubscribe=One-Click", "POST"), Cancel);

        Assert.Equal(400, response.Status);
        Assert.Empty(suppressions.Entries);
    }

    [Fact]
    public async Task When_the_suppression_cannot_be_saved_the_answer_is_503_and_no_workflow_is_stopped()
    {
        suppressions.Fail = true;

        var response = await Unsubscribe.PostAsync(Get(Sign(TokenPurpose.Unsubscribe), "List-Unsubscribe=One-Click", "POST"), Cancel);

        Assert.Equal(503, response.Status);
        Assert.Empty(workflows.Signals);
    }

    [Fact]
    public async Task An_expired_unsubscribe_link_shows_a_localised_gone_page()
    {
        var token = Sign(TokenPurpose.Unsubscribe, lifetime: TimeSpan.FromDays(1));
        time.Advance(TimeSpan.FromDays(2));

        var page = await Unsubscribe.PageAsync(Get(token), Cancel);

        Assert.Equal(410, page.Status);
        Assert.Contains("Dieser Link ist nicht mehr gültig.", Encoding.UTF8.GetString(page.Body.Span));
    }
}
