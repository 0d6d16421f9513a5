using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// The runner's tables. <c>Workflows</c>: one partition per workflow holding the state row (JSON, lease, ETag) and the
/// inbox rows, so saving a state and consuming the signals it applied is one atomic entity group transaction.
/// <c>WorkflowTimers</c>: one row per pending wake-up, keyed by due time so "what is due" is a range query.
/// </summary>
internal sealed class WorkflowStore(StorageTables tables)
{
    public const string WorkflowsTable = "Workflows";
    public const string TimersTable = "WorkflowTimers";
    public const string TimerPartition = "due";
    private const string StateRow = "state";
    private const string InboxPrefix = "in-";

    // Table strings hold 64 KiB of UTF-16; a large cart's state is split over several properties (an entity holds 1 MiB).
    private const int ChunkChars = 30_000;

    public async Task<StoredWorkflow?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WorkflowsTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync(id, StateRow, cancellationToken: cancellationToken);
        return row is null ? null : ToStored(row);
    }

    /// <summary>Creates the state row; false when the workflow already exists (another start won).</summary>
    public async Task<bool> TryCreateAsync(RecoveryState state, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WorkflowsTable, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToRow(state, null, null), cancellationToken);
            return true;
        }
        catch (TableConcurrencyException)
        {
            return false;
        }
    }

    /// <summary>
    /// Saves the state if nobody wrote it since <paramref name="ifMatch"/>, consuming <paramref name="consumed"/> inbox rows in the
    /// same transaction. Null when the ETag was stale (the lease was lost); otherwise the new ETag.
    /// </summary>
    public async Task<ETag?> TrySaveAsync(RecoveryState state, ETag ifMatch, string? leaseOwner, DateTimeOffset? leaseUntil, IReadOnlyList<InboxItem> consumed, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WorkflowsTable, cancellationToken);
        try
        {
            if (consumed.Count == 0)
            {
                return await table.UpdateEntityAsync(ToRow(state, leaseOwner, leaseUntil), ifMatch, TableUpdateMode.Replace, cancellationToken);
            }

            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, ToRow(state, leaseOwner, leaseUntil), ifMatch) };
            actions.AddRange(consumed.Select(i => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(state.WorkflowId, i.RowKey), ETag.All)));
            var etags = await table.SubmitTransactionAsync(actions, cancellationToken);
            return etags[0];
        }
        catch (RequestFailedException e) when (e is TableConcurrencyException || (e is TableTransactionFailedException && e.Status is 412 or 404))
        {
            return null;
        }
    }

    /// <summary>Takes or renews the lease with a conditional merge; null when someone else wrote first.</summary>
    public async Task<ETag?> TryLeaseAsync(string id, ETag ifMatch, string owner, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WorkflowsTable, cancellationToken);
        try
        {
            return await table.UpdateEntityAsync(new TableEntity(id, StateRow) { ["LeaseOwner"] = owner, ["LeaseUntil"] = until }, ifMatch, TableUpdateMode.Merge, cancellationToken);
        }
        catch (TableConcurrencyException)
        {
            return null;
        }
    }

    public async Task AddSignalAsync(string id, RecoverySignal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WorkflowsTable, cancellationToken);
        var rowKey = $"{InboxPrefix}{now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        await table.AddEntityAsync(new TableEntity(id, rowKey) { ["Signal"] = JsonSerializer.Serialize(signal, WorkflowJson.Options) }, cancellationToken);
    }

    /// <summary>The inbox in arrival order (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<InboxItem>> ReadInboxAsync(string id, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WorkflowsTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {InboxPrefix} and RowKey lt {"in."}");
        var items = new List<InboxItem>();
        await foreach (var row in table.QueryAsync(filter, Math.Min(max, 1000), cancellationToken: cancellationToken))
        {
            items.Add(new InboxItem(row.RowKey, JsonSerializer.Deserialize<RecoverySignal>(row.GetString("Signal")!, WorkflowJson.Options)!));
            if (items.Count >= max)
            {
                break;
            }
        }

        return items;
    }

    public static string TimerKey(DateTimeOffset due, string id) => $"{due.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{id}";

    public static DateTimeOffset DueOf(string timerKey) => new(long.Parse(timerKey.AsSpan(0, 19), CultureInfo.InvariantCulture), TimeSpan.Zero);

    public async Task<string> AddTimerAsync(string id, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TimersTable, cancellationToken);
        var key = TimerKey(due, id);
        await table.UpsertEntityAsync(new TableEntity(TimerPartition, key) { ["WorkflowId"] = id }, TableUpdateMode.Replace, cancellationToken);
        return key;
    }

    public async Task DeleteTimerAsync(string timerKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TimersTable, cancellationToken);
        await table.DeleteEntityAsync(TimerPartition, timerKey, cancellationToken: cancellationToken);
    }

    /// <summary>Timer rows due before <paramref name="before"/>, earliest first.</summary>
    public async Task<IReadOnlyList<(string Key, string WorkflowId)>> DueTimersAsync(DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TimersTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TimerPartition} and RowKey lt {before.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}");
        var due = new List<(string, string)>();
        await foreach (var row in table.QueryAsync(filter, Math.Min(max, 1000), select: ["RowKey", "WorkflowId"], cancellationToken: cancellationToken))
        {
            due.Add((row.RowKey, row.GetString("WorkflowId")!));
            if (due.Count >= max)
            {
                break;
            }
        }

        return due;
    }

    private static TableEntity ToRow(RecoveryState state, string? leaseOwner, DateTimeOffset? leaseUntil)
    {
        var json = JsonSerializer.Serialize(state, WorkflowJson.Options);
        var row = new TableEntity(state.WorkflowId, StateRow)
        {
            ["Status"] = state.Status.ToString(),
            ["LeaseOwner"] = leaseOwner,
            ["LeaseUntil"] = leaseUntil,
            ["Chunks"] = (json.Length + ChunkChars - 1) / ChunkChars,
        };
        for (var i = 0; i * ChunkChars < json.Length; i++)
        {
            row["State" + i.ToString(CultureInfo.InvariantCulture)] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }

        return row;
    }

    private static StoredWorkflow ToStored(TableEntity row)
    {
        var json = new StringBuilder();
        var chunks = row.GetInt32("Chunks") ?? 0;
        for (var i = 0; i < chunks; i++)
        {
            json.Append(row.GetString("State" + i.ToString(CultureInfo.InvariantCulture)));
        }

        var state = JsonSerializer.Deserialize<RecoveryState>(json.ToString(), WorkflowJson.Options)!;
        return new StoredWorkflow(state, row.GetString("LeaseOwner"), row.GetDateTimeOffset("LeaseUntil"), row.ETag);
    }
}
