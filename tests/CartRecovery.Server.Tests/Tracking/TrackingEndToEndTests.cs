using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow;

namespace CartRecovery.Server.Tests.Tracking;

/// <summary>A composed email's links driven over real HTTP against the server, with the suppression list on Azurite.</summary>
public sealed partial class TrackingEndToEndTests : IAsyncLifetime
{
    private MessagingServer server = null!;
    private HttpClient client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await MessagingServer.StartAsync(storefrontHost: "shop.zoe.example");
        server.Events.Know("msg-1");
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    private Task<RenderedMessage> ComposeEmail() =>
        server.Get<IMessageComposer>().ComposeAsync(MessagingServer.Step(Channel.Email, "https://shop.zoe.example/1/checkouts/chk-1/recover?key=k"), "msg-1", Cancel);

    [Fact]
    public async Task The_restore_link_redirects_to_the_store_with_utm_and_records_the_click()
    {
        var message = await ComposeEmail();
        Assert.StartsWith(server.BaseAddress + "api/t/c/", message.ActionUrl);

        using var response = await client.GetAsync(message.ActionUrl, Cancel);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("https://shop.zoe.example/1/checkouts/chk-1/recover?key=k&utm_source=cartrecovery&utm_medium=email&utm_campaign=cart_recovery&utm_content=step-1", response.Headers.Location!.ToString());
        Assert.Equal(MessageEventKind.Clicked, Assert.Single(server.Events.Events).Kind);
        Assert.IsType<MessageEngaged>(Assert.Single(server.Workflows.Signals).Signal);
    }

    [Fact]
    public async Task An_sms_short_link_leads_through_the_tracked_click_to_the_store()
    {
        var message = await server.Get<IMessageComposer>().ComposeAsync(MessagingServer.Step(Channel.Sms, "https://shop.zoe.example/cart"), "msg-1", Cancel);
        Assert.Matches($"^{Regex.Escape(server.BaseAddress.ToString())}api/s/[A-Za-z0-9]{{12}}$", message.ActionUrl);
        Assert.Contains(message.ActionUrl, message.Text);

        using var first = await client.GetAsync(message.ActionUrl, Cancel);
        using var second = await client.GetAsync(first.Headers.Location, Cancel);
        using var unknown = await client.GetAsync(server.BaseAddress + "api/s/AAAAAAAAAAAA", Cancel);

        Assert.Equal(HttpStatusCode.Found, first.StatusCode);
        Assert.StartsWith(server.BaseAddress + "api/t/c/", first.Headers.Location!.ToString());
        Assert.Equal("https://shop.zoe.example/cart?utm_source=cartrecovery&utm_medium=sms&utm_campaign=cart_recovery&utm_content=step-1", second.Headers.Location!.ToString());
        Assert.Equal(MessageEventKind.Clicked, Assert.Single(server.Events.Events).Kind);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Head_on_click_pixel_and_short_links_answers_without_recording_anything()
    {
        var email = await ComposeEmail();
        var sms = await server.Get<IMessageComposer>().ComposeAsync(MessagingServer.Step(Channel.Sms, "https://shop.zoe.example/cart"), "msg-1", Cancel);
        var pixel = PixelUrl().Match(email.Html!).Groups[1].Value;

        using var click = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, email.ActionUrl), Cancel);
        using var open = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, pixel), Cancel);
        using var shortLink = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, sms.ActionUrl), Cancel);

        Assert.Equal(HttpStatusCode.Found, click.StatusCode);
        Assert.StartsWith("https://shop.zoe.example/1/checkouts/chk-1/recover", click.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);
        Assert.Equal(HttpStatusCode.Found, shortLink.StatusCode);
        Assert.Empty(server.Events.Events);
        Assert.Empty(server.Workflows.Signals);
    }

    [Fact]
    public async Task A_tampered_link_is_a_400_problem()
    {
        var message = await ComposeEmail();

        using var response = await client.GetAsync(message.ActionUrl[..^3] + "xyz", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(server.Events.Events);
    }

    [Fact]
    public async Task The_open_pixel_is_a_gif_and_records_the_open()
    {
        var message = await ComposeEmail();
        var pixel = PixelUrl().Match(message.Html!).Groups[1].Value;

        using var response = await client.GetAsync(pixel, Cancel);
        using var broken = await client.GetAsync(server.BaseAddress + "api/t/o/not-a-token", Cancel);

        Assert.Equal(("image/gif", "image/gif"), (response.Content.Headers.ContentType?.MediaType, broken.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, broken.StatusCode);
        Assert.Equal(MessageEventKind.Opened, Assert.Single(server.Events.Events).Kind);
    }

    [Fact]
    public async Task One_click_unsubscribe_from_the_header_suppresses_the_address_and_stops_the_customers_carts()
    {
        var message = await ComposeEmail();
        var header = message.Headers["List-Unsubscribe"];
        var url = header[1..header.IndexOf('>')];

        using var response = await client.PostAsync(url, new StringContent("List-Unsubscribe=One-Click", Encoding.ASCII, "application/x-www-form-urlencoded"), Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var suppressions = server.Get<ISuppressionList>();
        Assert.Equal("unsubscribed", await suppressions.FindAsync(MessagingServer.Shop, Channel.Email, "zoe@example.com", Cancel));
        Assert.Null(await suppressions.FindAsync(MessagingServer.Shop, Channel.Sms, "+4915112345678", Cancel));
        Assert.Contains(server.Workflows.Signals, s => s.Target == $"customer:{MessagingServer.Shop}/id:42" && s.Signal is OptedOut { Channel: Channel.Email });
    }

    [Fact]
    public async Task One_click_unsubscribe_also_accepts_multipart_form_data()
    {
        var message = await ComposeEmail();
        var header = message.Headers["List-Unsubscribe"];
        using var form = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };

        using var response = await client.PostAsync(header[1..header.IndexOf('>')], form, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("unsubscribed", await server.Get<ISuppressionList>().FindAsync(MessagingServer.Shop, Channel.Email, "zoe@example.com", Cancel));
    }

    [Fact]
    public async Task The_preference_page_form_leaves_every_channel()
    {
        var message = await ComposeEmail();
        var unsubscribe = UnsubscribeUrl().Match(message.Text).Groups[1].Value;

        var page = await client.GetStringAsync(unsubscribe, Cancel);
        var csrf = CsrfField().Match(page).Groups[1].Value;
        var action = FormAction().Match(page).Groups[1].Value;
        using var response = await client.PostAsync(
            new Uri(server.BaseAddress, WebUtility.HtmlDecode(action)),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["csrf"] = WebUtility.HtmlDecode(csrf), ["scope"] = "all" }),
            Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Erledigt", await response.Content.ReadAsStringAsync(Cancel));
        var suppressions = server.Get<ISuppressionList>();
        Assert.Equal("unsubscribed", await suppressions.FindAsync(MessagingServer.Shop, Channel.Sms, "+4915112345678", Cancel));
        Assert.Equal("unsubscribed", await suppressions.FindAsync(MessagingServer.Shop, Channel.Email, "zoe@example.com", Cancel));
        Assert.Contains(server.Workflows.Signals, s => s.Signal is OptedOut { Channel: null });
    }

    [Fact]
    public async Task The_storefront_script_is_cacheable_and_revalidates_by_etag()
    {
        using var first = await client.GetAsync(server.BaseAddress + "api/storefront/recovery.js", Cancel);
        var etag = first.Headers.ETag!;
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseAddress + "api/storefront/recovery.js");
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/javascript", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromHours(1), first.Headers.CacheControl!.MaxAge);
        Assert.True(first.Headers.CacheControl.Public);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.DoesNotContain("innerHTML", await first.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("https://evil.example", HttpStatusCode.Forbidden)]
    [InlineData("https://shop.zoe.example", HttpStatusCode.NoContent)]
    public async Task The_popup_data_is_readable_only_from_the_stores_domains(string origin, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.BaseAddress + $"api/storefront/popup?shop={MessagingServer.Shop}&cart=nothing-pending");
        request.Headers.Add("Origin", origin);

        using var response = await client.SendAsync(request, Cancel);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.NoContent, response.Headers.TryGetValues("Access-Control-Allow-Origin", out var allowed) && allowed.Single() == origin);
    }

    [Theory]
    [InlineData("api/storefront/popup?shop=evil.example&cart=abc")]
    [InlineData("api/storefront/popup?shop=zoe-s-store.myshopify.com&cart=%3Cscript%3E")]
    [InlineData("api/storefront/popup?shop=zoe-s-store.myshopify.com")]
    public async Task Bad_popup_queries_are_400(string path)
    {
        using var response = await client.GetAsync(server.BaseAddress + path, Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"token\":\"x\",\"kind\":\"shown\"}")]
    [InlineData("{\"token\":\"x\",\"kind\":\"exploded\"}")]
    public async Task Bad_popup_events_are_400_and_record_nothing(string body)
    {
        using var response = await client.PostAsync(server.BaseAddress + "api/storefront/events", new StringContent(body, Encoding.UTF8, "text/plain"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(server.Events.Events);
    }

    [GeneratedRegex("<img src=\"([^\"]+/api/t/o/[^\"]+)\" width=\"1\"")]
    private static partial Regex PixelUrl();

    [GeneratedRegex(@"(http\S+/api/u/\S+)")]
    private static partial Regex UnsubscribeUrl();

    [GeneratedRegex("name=\"csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfField();

    [GeneratedRegex("action=\"([^\"]+)\"")]
    private static partial Regex FormAction();
}
