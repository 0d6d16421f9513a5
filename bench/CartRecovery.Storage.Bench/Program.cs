using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using CartRecovery.Storage.Bench;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;

// Usage: dotnet run -c Release --project bench/CartRecovery.Storage.Bench -- [inproc|azurite] [operations] [concurrency]
var target = args.ElementAtOrDefault(0) ?? "inproc";
var operations = int.Parse(args.ElementAtOrDefault(1) ?? "20000", CultureInfo.InvariantCulture);
var concurrency = int.Parse(args.ElementAtOrDefault(2) ?? "32", CultureInfo.InvariantCulture);

var options = StorageClientOptions.Create();
string connectionString;
AzuriteServer? azurite = null;
if (target == "inproc")
{
    options = StorageClientOptions.Create(new CannedResponseHandler());
    connectionString = AzuriteServer.ConnectionStringFor(1);
}
else
{
    connectionString = Environment.GetEnvironmentVariable("CARTRECOVERY_TEST_STORAGE") is { Length: > 0 } given
        ? given
        : (azurite = await AzuriteServer.StartAsync()).ConnectionString;
}

var service = new TableServiceClient(connectionString, options);
var table = service.GetTableClient("bench" + Guid.NewGuid().ToString("N")[..8]);
if (target != "inproc")
{
    await table.CreateIfNotExistsAsync();
}

async Task RunAsync(int count)
{
    var next = -1;
    var workers = Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var entity = new TableEntity("shop" + (i % 50), "cart" + i)
            {
                ["Email"] = "buyer@example.com",
                ["Total"] = 123.45,
                ["Items"] = 3,
                ["UpdatedAt"] = DateTimeOffset.UtcNow,
                ["Version"] = (long)i,
            };
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
        }
    });
    await Task.WhenAll(workers);
}

await RunAsync(Math.Min(2000, operations)); // warm-up: JIT, connections
GC.Collect();
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
var clock = Stopwatch.StartNew();
await RunAsync(operations);
clock.Stop();
var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

Console.WriteLine(FormattableString.Invariant(
    $"target={target} operations={operations} concurrency={concurrency} elapsed={clock.Elapsed.TotalSeconds:0.00}s throughput={operations / clock.Elapsed.TotalSeconds:0} upserts/s allocated={allocated / operations} bytes/upsert (whole process)"));

if (target != "inproc")
{
    await table.DeleteAsync();
}

if (azurite is not null)
{
    await azurite.DisposeAsync();
}
