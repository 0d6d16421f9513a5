using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using CartRecovery.Core.Telemetry;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Server.Tests.Hosting;
using CartRecovery.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CartRecovery.Server.Tests.Telemetry;

/// <summary>
/// A real recovery on the real server (signed webhooks, the embedded runner on Azurite, SMTP into MailDev), with a
/// <see cref="MeterListener"/> on the CartRecovery meter: the operator's counters move, and no tag carries anything
/// but a closed set of keys and values (no shop, email, cart token or id).
/// </summary>
public sealed partial class MetricsPrivacyTests
{
    private const string Shop = "metrics-shop.myshopify.com";
    private const string Secret = "metrics-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private static readonly HashSet<string> AllowedKeys = ["topic", "status", "reason", "segment", "channel", "stage", "filter", "outcome"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_recovery_moves_the_counters_and_no_tag_holds_personal_data()
    {
        var measurements = new ConcurrentQueue<(string Instrument, KeyValuePair<string, object?>[] Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == CartRecoveryMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => measurements.Enqueue((instrument.Name, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => measurements.Enqueue((instrument.Name, tags.ToArray())));
        listener.Start();

        await using var mail = await MailDevServer.StartAsync();
        await using var server = await StartAsync(mail);
        using var client = server.CreateClient();
        var token = "ck-metrics-" + Guid.NewGuid().ToString("N")[..8];

        using (var forged = ShopifyWebhookRequest.Create("checkouts/create", Shop, ShopifyPayloads.Checkout(token, DateTimeOffset.UtcNow), "not-the-secret"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(forged, Cancel)).StatusCode);
        }

        await SendAsync(client, "checkouts/create", ShopifyPayloads.Checkout(token, DateTimeOffset.UtcNow, cartToken: "c-" + token));
        await EventuallyAsync(async () => await mail.ReadEmailsJsonAsync(Cancel) is var json && json.Contains("zoe.nunez@example.com", StringComparison.Ordinal) ? json : null, "the recovery email arrived");
        await SendAsync(client, "orders/create", ShopifyPayloads.Order(4_002, token, "c-" + token, DateTimeOffset.UtcNow));
        var id = WorkflowId.For(Shop, token).Value;
        await EventuallyAsync(
            async () => await server.Services.GetRequiredService<ISequenceIndex>().GetAsync(Shop, id, Cancel) is { Status: RecoveryStatus.Stopped } stopped ? stopped : null,
            "the recovery stopped");

        var seen = measurements.ToArray();
        Assert.Contains(seen, m => m.Instrument == "cartrecovery.webhooks.rejected" && Tag(m.Tags, "reason") == "signature");
        Assert.Contains(seen, m => m.Instrument == "cartrecovery.webhooks.acknowledged" && Tag(m.Tags, "topic") == "checkouts/create" && Tag(m.Tags, "status") == "accepted");
        Assert.Contains(seen, m => m.Instrument == "cartrecovery.recoveries.started" && Tag(m.Tags, "segment") is not null);
        Assert.Contains(seen, m => m.Instrument == "cartrecovery.messages" && Tag(m.Tags, "channel") == "email" && Tag(m.Tags, "status") == "sent");
        Assert.Contains(seen, m => m.Instrument == "cartrecovery.recoveries.ended" && Tag(m.Tags, "reason") == "purchased");
        Assert.Contains(seen, m => m.Instrument == "cartrecovery.timer.lag");

        foreach (var (instrument, tags) in seen)
        {
            foreach (var (key, value) in tags)
            {
                Assert.Contains(key, AllowedKeys);
                var text = Assert.IsType<string>(value);
                Assert.Matches(SafeValue(), text);
                Assert.DoesNotContain("@", text);
                Assert.DoesNotContain(token, text);
                Assert.False(text.Contains("myshopify", StringComparison.Ordinal), $"{instrument} tag {key} holds a shop");
            }
        }
    }

    private static string? Tag(KeyValuePair<string, object?>[] tags, string key) => tags.FirstOrDefault(t => t.Key == key).Value as string;

    private static Task<ServerHost> StartAsync(MailDevServer mail) => ServerHost.StartAsync(new Dictionary<string, string?>
    {
        ["Shopify:ApiSecrets:0"] = Secret,
        ["Abandonment:Threshold"] = "00:00:02",
        // The first step's hour is 6 s here: long enough that, even on a loaded machine, the recovery starts before it is due
        // and the step runs from its timer (at 3,600 a slow start found the step already due and no timer fired).
        ["Recovery:TimeScale"] = "600",
        ["Email:Provider"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = mail.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["App:SigningKey"] = "metrics-signing-key-0123456789abcdef",
    });

    private static async Task SendAsync(HttpClient client, string topic, byte[] body)
    {
        using var request = ShopifyWebhookRequest.Create(topic, Shop, body, Secret);
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {Patience.TotalSeconds:0} s waiting until {what}.");
            }

            await Task.Delay(200, Cancel);
        }
    }

    /// <summary>Topic names (with '/'), enum names in snake case, the eligibility filters' kebab-case names: nothing else.</summary>
    [GeneratedRegex("^[a-z_/-]{1,40}$")]
    private static partial Regex SafeValue();
}
