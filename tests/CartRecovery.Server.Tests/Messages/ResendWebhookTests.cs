using System.Net;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Messaging.Log;
using CartRecovery.Integrations.Email;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Storage.Messages;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Messages;

public sealed class ResendWebhookTests : IAsyncLifetime
{
    private const string Shop = "demo-store.myshopify.com";
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private readonly InMemorySuppressionList suppressions = new();
    private ServerHost server = null!;
    private HttpClient client = null!;
    private TableMessages store = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await ServerHost.StartAsync(
            new Dictionary<string, string?> { ["Email:Resend:WebhookSecret"] = Secret },
            services => services.AddSingleton<ISuppressionList>(suppressions));
        client = server.CreateClient();
        store = server.Services.GetRequiredService<TableMessages>();
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task A_signed_hard_bounce_suppresses_the_address_and_is_recorded_on_the_message()
    {
        var message = await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email("<p>x</p>"), providerId: "re-bounce-1");

        using var response = await PostAsync(Event("email.bounced", "re-bounce-1", ""","bounce":{"type":"Permanent","subType":"General","message":"mailbox does not exist"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("hard bounce", suppressions.Entries[(Shop, Channel.Email, "ana@example.com")]);
        var record = await store.GetAsync(Shop, message.MessageId, Cancel);
        Assert.Contains(new MessageEventEntry("Bounced", new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero)), record!.Events);
    }

    [Fact]
    public async Task A_complaint_suppresses_and_a_redelivery_is_recorded_once()
    {
        var message = await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email("<p>x</p>"), providerId: "re-complaint-1");
        var body = Event("email.complained", "re-complaint-1");

        using var first = await PostAsync(body, id: "msg_1");
        using var again = await PostAsync(body, id: "msg_1");

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("complaint", suppressions.Entries[(Shop, Channel.Email, "ana@example.com")]);
        var record = await store.GetAsync(Shop, message.MessageId, Cancel);
        Assert.Single(record!.Events, e => e.Kind == "Complained");
    }

    [Fact]
    public async Task Delivery_is_recorded_and_a_soft_bounce_does_not_suppress()
    {
        var message = await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email("<p>x</p>"), providerId: "re-soft-1");

        using var delivered = await PostAsync(Event("email.delivered", "re-soft-1"));
        using var soft = await PostAsync(Event("email.bounced", "re-soft-1", ""","bounce":{"type":"Transient","subType":"MailboxFull"}"""));

        Assert.Equal(HttpStatusCode.OK, soft.StatusCode);
        Assert.Empty(suppressions.Entries);
        var kinds = (await store.GetAsync(Shop, message.MessageId, Cancel))!.Events.Select(e => e.Kind).ToList();
        Assert.Contains("Delivered", kinds);
        Assert.Contains("Bounced", kinds);
    }

    [Fact]
    public async Task Events_for_unknown_emails_or_of_other_types_are_acknowledged_and_change_nothing()
    {
        using var unknown = await PostAsync(Event("email.complained", "re-never-sent"));
        using var opened = await PostAsync(Event("email.opened", "re-never-sent"));

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Empty(suppressions.Entries);
    }

    [Fact]
    public async Task A_bad_signature_is_401_and_changes_nothing()
    {
        await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email("<p>x</p>"), providerId: "re-forged");
        var body = Event("email.complained", "re-forged");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var forged = await PostAsync(body, signature: SvixSignature.Sign("whsec_" + Convert.ToBase64String(new byte[24]), "msg_x", timestamp, Encoding.UTF8.GetBytes(body)));
        using var tampered = await PostAsync(body.Replace("re-forged", "re-other", StringComparison.Ordinal), signature: SvixSignature.Sign(Secret, "msg_x", timestamp, Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        Assert.Empty(suppressions.Entries);
    }

    [Fact]
    public async Task A_stale_timestamp_is_401_even_with_a_valid_signature()
    {
        await MessageSeeds.SentAsync(store, Shop, Channel.Email, "step-1", MessageSeeds.Email("<p>x</p>"), providerId: "re-stale");

        using var response = await PostAsync(Event("email.complained", "re-stale"), timestamp: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("Stale webhook", problem.RootElement.GetProperty("title").GetString());
        Assert.Empty(suppressions.Entries);
    }

    [Fact]
    public async Task Missing_headers_or_a_body_that_is_not_an_event_are_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/providers/resend/events", UriKind.Relative)) { Content = new StringContent("{}") };
        using var noHeaders = await client.SendAsync(request, Cancel);
        using var notJson = await PostAsync("not json");
        using var noEmailId = await PostAsync("""{"type":"email.bounced","data":{}}""");

        Assert.Equal(HttpStatusCode.BadRequest, noHeaders.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noEmailId.StatusCode);
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        using var response = await PostAsync(new string('x', 300 * 1024));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    private static string Event(string type, string emailId, string extra = "") =>
        $$$"""{"type":"{{{type}}}","created_at":"2026-01-15T12:00:00.000Z","data":{"email_id":"{{{emailId}}}","from":"Demo <shop@mail.example>","to":["ana@example.com"],"subject":"Your cart"{{{extra}}}}}""";

    private Task<HttpResponseMessage> PostAsync(string body, string id = "msg_2Lh9KRb0pzN4", DateTimeOffset? timestamp = null, string? signature = null)
    {
        var unix = (timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/providers/resend/events", UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("svix-id", id);
        request.Headers.Add("svix-timestamp", unix);
        request.Headers.Add("svix-signature", signature ?? "v1,bm90LXRoaXMtb25l " + SvixSignature.Sign(Secret, id, unix, bytes));
        return client.SendAsync(request, Cancel);
    }
}
