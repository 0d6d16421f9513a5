using System.Diagnostics;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;

namespace CartRecovery.LoadTest;

/// <summary>The storage ceiling, measured in the same run: single-entity inserts and 100-entity transactions per second against the same Azurite.</summary>
internal static class AzuriteProbe
{
    public static async Task<(double SingleInsertsPerSecond, double BatchEntitiesPerSecond)> RunAsync(string connectionString, TimeSpan duration, int concurrency = 32)
    {
        var service = new TableServiceClient(connectionString);
        var table = service.GetTableClient("loadprobe" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();
        var payload = new byte[1500];
        Random.Shared.NextBytes(payload);
        try
        {
            var single = await MeasureAsync(duration, concurrency, async (worker, n) =>
            {
                await table.AddEntityAsync(new TableEntity("p" + worker, "s" + n) { ["Body"] = payload });
                return 1;
            });
            var batch = await MeasureAsync(duration, Math.Max(1, concurrency / 4), async (worker, n) =>
            {
                var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("b" + worker, $"{n}-{i}") { ["Body"] = payload }));
                await table.SubmitTransactionAsync(actions);
                return 100;
            });
            return (single, batch);
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    private static async Task<double> MeasureAsync(TimeSpan duration, int concurrency, Func<int, long, Task<int>> write)
    {
        long entities = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (long n = 0; clock.Elapsed < duration; n++)
            {
                Interlocked.Add(ref entities, await write(worker, n));
            }
        })));
        return entities / clock.Elapsed.TotalSeconds;
    }
}
