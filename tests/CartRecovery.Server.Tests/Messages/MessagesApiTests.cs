using System.Net;
using System.Text.Json;
using CartRecovery.Core.Messaging;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Storage.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Messages;

public sealed class MessagesApiTests : IAsyncLifetime
{
    private const string Shop = "demo-store.myshopify.com";
    private ServerHost server = null!;
    private HttpClient client = null!;
    private TableMessages store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await ServerHost.StartAsync(configureServices: services => services.AddSingleton<ISuppressionList, InMemorySuppressionList>());
        client = server.CreateClient();
        store = server.Services.GetRequiredService<TableMessages>();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Lists_the_shops_messages_newest_first_with_their_events()
    {
        var first = await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email("<p>one</p>"));
        var second = await MessageSeeds.SkippedAsync(store, Shop, Channel.Sms, "step-2");
        await MessageSeeds.SentAsync(store, "other-shop.myshopify.com", Channel.Email, "step-1", MessageSeeds.Email("<p>theirs</p>"));

        using var body = await GetJsonAsync($"/api/stores/{Shop}/messages");

        var items = body.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([second.MessageId, first.MessageId], items.Select(i => i.GetProperty("id").GetString()));
        Assert.Equal("skipped", items[0].GetProperty("status").GetString());
        Assert.Equal("sms", items[0].GetProperty("channel").GetString());
        Assert.Equal("no SMS marketing consent (NotSubscribed)", items[0].GetProperty("reason").GetString());
        Assert.Equal("sent", items[1].GetProperty("status").GetString());
        Assert.Equal("Your cart is waiting", items[1].GetProperty("subject").GetString());
        Assert.Equal("resend", items[1].GetProperty("provider").GetString());
        Assert.Equal(["Sending", "Sent"], items[1].GetProperty("events").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.False(items[1].TryGetProperty("html", out _));
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("continuationToken").ValueKind);
    }

    [Fact]
    public async Task Filters_by_channel_and_status_and_pages_with_the_continuation_token()
    {
        var emails = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            emails.Add((await MessageSeeds.SentAsync(store, Shop, Channel.Email, $"step-{i}", MessageSeeds.Email("<p>x</p>"))).MessageId);
        }

        await MessageSeeds.SkippedAsync(store, Shop, Channel.Email, "step-9");
        await MessageSeeds.SentAsync(store, Shop, Channel.Sms, "step-8", MessageSeeds.Sms("hi"));

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = $"/api/stores/{Shop}/messages?channel=email&status=sent&pageSize=2" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token));
            using var page = await GetJsonAsync(url);
            var items = page.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items.Select(i => i.GetProperty("id").GetString()!));
            token = page.RootElement.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null);

        Assert.Equal(Enumerable.Reverse(emails), seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("?channel=fax", "Invalid channel")]
    [InlineData("?status=lost", "Invalid status")]
    [InlineData("?channel=1", "Invalid channel")]
    [InlineData("?pageSize=0", "Invalid page size")]
    [InlineData("?pageSize=101", "Invalid page size")]
    [InlineData("?pageSize=ten", "Invalid page size")]
    public async Task Bad_query_parameters_are_400_with_the_reason(string query, string title)
    {
        using var response = await SendAsync($"/api/stores/{Shop}/messages{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Garbage_altered_or_over_long_continuation_tokens_are_400_never_data()
    {
        await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email("<p>x</p>"));
        foreach (var token in new[] { "garbage", "1!m.0", new string('A', 5000) })
        {
            using var response = await SendAsync($"/api/stores/{Shop}/messages?continuationToken={Uri.EscapeDataString(token)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Requests_without_a_valid_session_token_for_the_shop_are_refused()
    {
        using var none = await SendAsync($"/api/stores/{Shop}/messages", authorization: null);
        using var forged = await SendAsync($"/api/stores/{Shop}/messages", authorization: SessionTokens.BearerFor(Shop, secret: "wrong"));
        using var otherShop = await SendAsync($"/api/stores/{Shop}/messages", authorization: SessionTokens.BearerFor("other-shop.myshopify.com"));
        using var badShop = await SendAsync("/api/stores/evil.example.com/messages");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherShop.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badShop.StatusCode);
    }

    [Fact]
    public async Task Gets_one_message_with_its_content_and_not_another_shops()
    {
        var mine = await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email("<p>Hello <b>Ana</b></p>"));
        var theirs = await MessageSeeds.SentAsync(store, "other-shop.myshopify.com", Channel.Email, "step-1", MessageSeeds.Email("<p>x</p>"));

        using var detail = await GetJsonAsync($"/api/stores/{Shop}/messages/{mine.MessageId}");
        using var foreign = await SendAsync($"/api/stores/{Shop}/messages/{theirs.MessageId}");
        using var garbage = await SendAsync($"/api/stores/{Shop}/messages/..%2F..%2Fetc");

        Assert.Equal(mine.MessageId, detail.RootElement.GetProperty("message").GetProperty("id").GetString());
        Assert.Equal("<p>Hello <b>Ana</b></p>", detail.RootElement.GetProperty("content").GetProperty("html").GetString());
        Assert.Equal("Plain text part", detail.RootElement.GetProperty("content").GetProperty("text").GetString());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
    }

    [Fact]
    public async Task The_preview_encodes_hostile_content_and_forbids_scripts()
    {
        var hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\"><b>";
        var email = await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email(hostile, subject: "<script>alert(3)</script>"));
        var sms = await MessageSeeds.SentAsync(store, Shop, Channel.Sms, "step-2", MessageSeeds.Sms("<img src=x onerror=alert(4)>"));

        using var emailPage = await SendAsync($"/api/stores/{Shop}/messages/{email.MessageId}/preview");
        using var smsPage = await SendAsync($"/api/stores/{Shop}/messages/{sms.MessageId}/preview");

        Assert.Equal("text/html", emailPage.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'none'", emailPage.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await emailPage.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("<iframe title=\"Email as sent\" sandbox referrerpolicy=\"no-referrer\" srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(3)&lt;/script&gt;", html, StringComparison.Ordinal);
        var smsHtml = await smsPage.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("&lt;img src=x onerror=alert(4)&gt;", smsHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", smsHtml, StringComparison.Ordinal);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await SendAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
    }

    private Task<HttpResponseMessage> SendAsync(string path, string? authorization = "default")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        var token = authorization == "default" ? SessionTokens.BearerFor(Shop) : authorization;
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        return client.SendAsync(request, Cancel);
    }
}
