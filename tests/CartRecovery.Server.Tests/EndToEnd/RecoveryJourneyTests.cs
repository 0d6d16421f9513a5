using System.Net;
using System.Text.Json;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.EndToEnd;

/// <summary>
/// The whole product, as a store would see it: signed Shopify webhooks into the real server, abandonment after inactivity,
/// the embedded runner on Azurite, the real step executor, composer and SMTP provider, and the email read back from a real
/// MailDev mailbox. One hour of configured delay is one second here (<c>Recovery:TimeScale</c> = 3600).
/// </summary>
public sealed class RecoveryJourneyTests
{
    private const string Shop = "example-shop.myshopify.com";
    private const string Secret = "journey-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task An_abandoned_checkout_gets_a_localized_recovery_email_and_an_order_stops_the_rest()
    {
        await using var mail = await MailDevServer.StartAsync();
        await using var server = await StartAsync(mail);
        using var client = server.CreateClient();
        var token = "ck-journey-" + Guid.NewGuid().ToString("N")[..8];

        await SendAsync(client, "checkouts/create", ShopifyPayloads.Checkout(token, DateTimeOffset.UtcNow, cartToken: "c-" + token));

        var email = await EventuallyAsync(async () => (await InboxAsync(mail)).FirstOrDefault(), "the recovery email arrived");
        Assert.Equal("zoe.nunez@example.com", email.GetProperty("to")[0].GetProperty("address").GetString());
        Assert.Contains("Zoë", email.GetProperty("text").GetString(), StringComparison.Ordinal); // customer_locale de-DE, first name
        var headers = email.GetProperty("headers");
        Assert.Equal("List-Unsubscribe=One-Click", headers.GetProperty("list-unsubscribe-post").GetString());
        Assert.Contains("/api/u/", headers.GetProperty("list-unsubscribe").GetString(), StringComparison.Ordinal);
        Assert.Contains("/api/t/c/", email.GetProperty("html").GetString(), StringComparison.Ordinal);

        await SendAsync(client, "orders/create", ShopifyPayloads.Order(4_001, token, "c-" + token, DateTimeOffset.UtcNow));

        var id = WorkflowId.For(Shop, token).Value;
        var summary = await EventuallyAsync(
            async () => await server.Services.GetRequiredService<ISequenceIndex>().GetAsync(Shop, id, TestContext.Current.CancellationToken) is { Status: RecoveryStatus.Stopped } stopped ? stopped : null,
            "the recovery stopped");
        Assert.Equal(StopReason.Purchased, summary.StopReason);
        Assert.Single(await InboxAsync(mail));
    }

    private static Task<ServerHost> StartAsync(MailDevServer mail) => ServerHost.StartAsync(new Dictionary<string, string?>
    {
        ["Shopify:ApiSecrets:0"] = Secret,
        ["Abandonment:Threshold"] = "00:00:02",
        ["Recovery:TimeScale"] = "3600",
        ["Email:Provider"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["App:SigningKey"] = "journey-signing-key-0123456789abcdef",
    });

    private static async Task SendAsync(HttpClient client, string topic, byte[] body)
    {
        using var request = ShopifyWebhookRequest.Create(topic, Shop, body, Secret);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<JsonElement[]> InboxAsync(MailDevServer mail)
    {
        using var json = JsonDocument.Parse(await mail.ReadEmailsJsonAsync(TestContext.Current.CancellationToken));
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } value && (value is not JsonElement element || element.ValueKind != JsonValueKind.Undefined))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {Patience.TotalSeconds:0} s waiting until {what}.");
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
