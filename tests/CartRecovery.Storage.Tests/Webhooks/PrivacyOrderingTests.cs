using System.Text.Json;
using CartRecovery.Core.Privacy;
using CartRecovery.Storage.Webhooks;
using CartRecovery.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace CartRecovery.Storage.Tests.Webhooks;

/// <summary>
/// A compliance webhook (data request, redaction) has its effect only after every delivery of the shop acknowledged before it,
/// whatever order the inbox lists them in: an export misses nothing that existed when it was asked for, and a redaction is
/// not undone by an earlier delivery processed after it.
/// </summary>
public sealed class PrivacyOrderingTests
{
    private const string Shop = WebhookStorage.Shop;
    private const long Zoe = 603851970716743426;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static byte[] DataRequest => ShopifyPayloads.Privacy("customers_data_request", Shop, Zoe, "zoe.nunez@example.com", null, requestId: 9999);

    private static async Task<List<string>> ExportedCartTokensAsync(WebhookStorage s)
    {
        var export = await s.Privacy.GetExportAsync(Shop, "9999", Cancel) ?? throw new InvalidOperationException("the data request was not recorded");
        return JsonDocument.Parse(export).RootElement.GetProperty("data").GetProperty("carts").EnumerateArray().Select(c => c.GetProperty("token").GetString()!).ToList();
    }

    [Fact]
    public async Task Data_request_received_in_the_same_instant_as_a_checkout_still_exports_it()
    {
        // The clock stands still, so both deliveries carry the same ReceivedAt; the request's delivery id sorts first.
        var s = await WebhookStorage.CreateAsync();
        await s.AcceptAsync("checkouts/create", ShopifyPayloads.Checkout("ck-same-instant", s.Time.GetUtcNow()), "wh-2-checkout");
        await s.AcceptAsync("customers/data_request", DataRequest, "wh-1-data-request");

        await s.DrainAsync();

        Assert.Equal(["ck-same-instant"], await ExportedCartTokensAsync(s));
    }

    [Fact]
    public async Task Data_request_waits_for_an_earlier_checkout_that_a_pass_did_not_list()
    {
        // A pass lists at most 100 pending deliveries, in key (delivery id) order: the earlier checkout is not among them.
        var s = await WebhookStorage.CreateAsync();
        await s.AcceptAsync("checkouts/create", ShopifyPayloads.Checkout("ck-early", s.Time.GetUtcNow()), "z-checkout");
        s.Time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 99; i++)
        {
            await s.AcceptAsync("carts/create", ShopifyPayloads.Cart($"cart-{i:D2}", s.Time.GetUtcNow()), $"a-cart-{i:D2}");
        }

        s.Time.Advance(TimeSpan.FromSeconds(1));
        await s.AcceptAsync("customers/data_request", DataRequest, "b-data-request");

        await s.DrainAsync();

        Assert.Equal(["ck-early"], await ExportedCartTokensAsync(s));
    }

    [Fact]
    public async Task Redaction_waits_for_an_earlier_delivery_that_failed_so_its_retry_cannot_bring_the_data_back()
    {
        var s = await WebhookStorage.CreateAsync();
        var t0 = s.Time.GetUtcNow();
        await s.RecoveringCheckoutAsync("ck-retried", t0);
        var workflows = new FailingRecoveryWorkflows(s.Workflows);
        var processor = s.NewProcessor(workflows);
        var worker = new WebhookInboxWorker(s.Queue, processor, NullLogger<WebhookInboxWorker>.Instance);

        // The update is written, then signalling its recovery fails: it stays pending for a retry.
        await s.AcceptAsync("checkouts/update", ShopifyPayloads.Checkout("ck-retried", t0.AddMinutes(1), lines: 2));
        s.Time.Advance(TimeSpan.FromSeconds(1));
        await s.AcceptAsync("customers/redact", ShopifyPayloads.Privacy("customers_redact", Shop, Zoe, "zoe.nunez@example.com", "+4915112345678"));
        workflows.Failing = true;
        await worker.RunPassAsync(InboxPartitions.For(Shop, s.Options.Partitions), Cancel);
        workflows.Failing = false;
        await s.DrainAsync(worker);

        Assert.False((await s.CheckoutAsync("ck-retried")).Exists);
        Assert.Empty(await s.CartStore.ExportCustomerAsync(Shop, new CustomerRef(Zoe, "zoe.nunez@example.com", null), Cancel));
    }
}
