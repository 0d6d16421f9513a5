using System.Diagnostics;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;

namespace CartRecovery.LoadTest;

/// <summary>How many recorded deliveries still wait for processing in the server's inbox table, and how long they take to drain.</summary>
internal static class BacklogProbe
{
    public static async Task<long> PendingAsync(TableClient inbox)
    {
        long count = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey ge {"q|"} and RowKey lt {"q}"}");
        await foreach (var _ in inbox.QueryAsync(filter, maxPerPage: 1000, select: ["RowKey"]))
        {
            count++;
        }

        return count;
    }

    /// <summary>Polls until the inbox is empty or <paramref name="timeout"/> passes; prints the backlog as it goes.</summary>
    public static async Task DrainAsync(string connectionString, string tablePrefix, TimeSpan timeout)
    {
        var inbox = new TableServiceClient(connectionString).GetTableClient(tablePrefix + "WebhookInbox");
        var clock = Stopwatch.StartNew();
        var pending = await PendingAsync(inbox);
        Console.WriteLine(FormattableString.Invariant($"Backlog after the last step: {pending} deliveries recorded but not yet processed"));
        while (pending > 0 && clock.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            pending = await PendingAsync(inbox);
            Console.WriteLine(FormattableString.Invariant($"  +{clock.Elapsed.TotalSeconds:F0} s: {pending} pending"));
        }

        Console.WriteLine(pending == 0
            ? FormattableString.Invariant($"Backlog processed in {clock.Elapsed.TotalSeconds:F0} s")
            : FormattableString.Invariant($"Backlog not drained after {timeout.TotalSeconds:F0} s ({pending} pending)"));
    }
}
