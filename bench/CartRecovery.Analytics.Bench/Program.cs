// The analytics summary for a shop with a million messages, timed against Azurite, with a raw Azurite read of one row in the
// same run (the machine's noise cancels in the ratio). The shop's rollup rows are what a million messages leave behind:
// 365 days x about 2,740 messages a day over 3 steps x 3 channels x 3 arms. A summary reads one row per day, never a message.
//   dotnet run -c Release --project bench/CartRecovery.Analytics.Bench -- [iterations]
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using CartRecovery.Core.Analytics;
using CartRecovery.Core.Http;
using CartRecovery.Storage;
using CartRecovery.Storage.Analytics;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;

const string Shop = "million-shop.myshopify.com";
var iterations = int.Parse(args.ElementAtOrDefault(0) ?? "50", CultureInfo.InvariantCulture);
AzuriteServer? azurite = null;
var connectionString = Environment.GetEnvironmentVariable("CARTRECOVERY_TEST_STORAGE") is { Length: > 0 } given
    ? given
    : (azurite = await AzuriteServer.StartAsync()).ConnectionString;
var service = new TableServiceClient(connectionString);
var tables = new StorageTables(service, Options.Create(new StorageOptions { TablePrefix = "b" + Guid.NewGuid().ToString("N")[..8] }));
var rollups = new TableAnalyticsRollups(tables);

var first = new DateOnly(2025, 1, 1);
long messages = 0;
for (var d = 0; d < 365; d++)
{
    var deltas = new Dictionary<string, decimal>();
    for (var step = 0; step < 3; step++)
    {
        foreach (var channel in new[] { "email", "sms", "push" })
        {
            foreach (var variant in new[] { "e1:a", "e1:b", "e1:holdout" })
            {
                var sent = 101 + ((d + step) % 3);
                messages += sent;
                deltas[new CounterKey(Metric.Sent, $"step-{step}", channel, variant).ToString()] = sent;
                deltas[new CounterKey(Metric.Delivered, $"step-{step}", channel, variant).ToString()] = sent - 2;
                deltas[new CounterKey(Metric.Opened, $"step-{step}", channel, variant).ToString()] = sent / 3;
                deltas[new CounterKey(Metric.Clicked, $"step-{step}", channel, variant).ToString()] = sent / 12;
                deltas[new CounterKey(Metric.Skipped, $"step-{step}", channel, variant, "quiet hours").ToString()] = 4;
                deltas[new CounterKey(Metric.Orders, $"step-{step}", channel, variant, "checkoutToken").ToString()] = 3;
                deltas[new CounterKey(Metric.Revenue, $"step-{step}", channel, variant).ToString()] = 212.5m;
            }
        }

        deltas[new CounterKey(Metric.Started, Variant: "e1:a", Reason: "checkout").ToString()] = 400;
        deltas[new CounterKey(Metric.Started, Variant: "e1:b", Reason: "checkout").ToString()] = 400;
        deltas[new CounterKey(Metric.Started, Variant: "e1:holdout", Reason: "checkout").ToString()] = 90;
    }

    await rollups.ApplyAsync(new AnalyticsFact(Shop, first.AddDays(d), $"seed-{d}", deltas, "USD"), CancellationToken.None);
}

var options = new AnalyticsOptions();
var table = service.GetTableClient(tables.GetExisting(TableAnalyticsRollups.TableName).Name);
async Task<int> SummaryAsync()
{
    var days = await rollups.ReadAsync(Shop, first, first.AddDays(365), CancellationToken.None);
    var summary = AnalyticsReport.Build(Shop, first, first.AddDays(365), days, options);
    return HostResponse.Ok(summary).Body.Length; // serialised as the route answers it
}

async Task<int> RawPointReadAsync() => (await table.GetEntityAsync<TableEntity>(Shop, "day|2025-06-01")).Value.Count;

static async Task<(double Median, double P95)> TimeAsync(int n, Func<Task<int>> run)
{
    for (var i = 0; i < 5; i++)
    {
        await run();
    }

    var samples = new List<double>();
    for (var i = 0; i < n; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        samples.Add(watch.Elapsed.TotalMilliseconds);
    }

    samples.Sort();
    return (samples[n / 2], samples[(int)Math.Ceiling(n * 0.95) - 1]);
}

var summaryTime = await TimeAsync(iterations, SummaryAsync);
var rawTime = await TimeAsync(iterations, RawPointReadAsync);
Console.WriteLine($"messages represented: {messages:N0} over 365 day rows; summary bytes: {await SummaryAsync():N0}");
Console.WriteLine($"summary (read 365 rows + build + serialise): median {summaryTime.Median:F1} ms, p95 {summaryTime.P95:F1} ms");
Console.WriteLine($"raw Azurite point read of one row:           median {rawTime.Median:F1} ms, p95 {rawTime.P95:F1} ms");
Console.WriteLine($"ratio (median summary / median raw read): {summaryTime.Median / rawTime.Median:F1}");
if (azurite is not null)
{
    await azurite.DisposeAsync();
}
