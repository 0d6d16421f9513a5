using Azure.Data.Tables;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Http;
using CartRecovery.Core.Shopify;
using CartRecovery.Core.Webhooks;
using CartRecovery.Storage.Tables;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>A storage endpoint that accepts connections and never answers (a frozen Azurite): the acknowledgement keeps its time budget.</summary>
public sealed class HungStorageTests
{
    [Fact]
    public async Task Webhook_against_storage_that_never_answers_is_503_with_retry_after_within_the_budget()
    {
        using var blackHole = new TcpListener(IPAddress.Loopback, 0);
        blackHole.Start();
        var accepted = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var acceptLoop = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await blackHole.AcceptTcpClientAsync(stop.Token)); // read nothing, answer nothing
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, TestContext.Current.CancellationToken);

        var port = ((IPEndPoint)blackHole.LocalEndpoint).Port;
        var tables = new StorageTables(new TableServiceClient(AzuriteServer.ConnectionStringFor(port)), Microsoft.Extensions.Options.Options.Create(new StorageOptions { TablePrefix = "hung" }));
        var options = new WebhookOptions { AcknowledgeTimeout = TimeSpan.FromSeconds(1) };
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        var time = new ManualTimeProvider();
        var handler = new ShopifyWebhookHandler(
            new WebhookSignature(new ShopifyOptions { ApiSecrets = ["test-secret"] }),
            new TableWebhookInbox(tables, wrapped, new InboxSignal()),
            new TableWebhookReplayGuard(tables, wrapped, time),
            options,
            time,
            NullLogger<ShopifyWebhookHandler>.Instance);
        var body = ShopifyPayloads.Cart("cart-hung", time.GetUtcNow());
        var request = new HostRequest(
            "POST",
            "/api/webhooks/shopify",
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                [WebhookHeaders.Topic] = "carts/update",
                [WebhookHeaders.ShopDomain] = WebhookStorage.Shop,
                [WebhookHeaders.WebhookId] = "wh-hung",
                [WebhookHeaders.TriggeredAt] = time.GetUtcNow().ToString("O"),
                [WebhookHeaders.Hmac] = ShopifyWebhookRequest.Sign(body, "test-secret"),
            },
            new Dictionary<string, string>(),
            new Dictionary<string, string>(),
            body);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var response = await handler.HandleAsync(request, TestContext.Current.CancellationToken);
        watch.Stop();

        Assert.Equal(503, response.Status);
        Assert.Equal("5", response.Headers!["Retry-After"]);
        Assert.Equal("application/problem+json; charset=utf-8", response.ContentType);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3));
        Assert.NotEmpty(accepted); // the request really reached the hung endpoint

        await stop.CancelAsync();
        blackHole.Stop();
        await acceptLoop;
        accepted.ForEach(c => c.Dispose());
    }
}
