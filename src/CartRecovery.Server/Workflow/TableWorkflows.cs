using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Workflow;
using CartRecovery.Storage;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Server.Workflow;

/// <summary>
/// The runner's tables. <c>Workflows</c>: the state row of each workflow, partition and row = workflow id (JSON, lease, ETag,
/// and the inbox rows its last saves applied; a row key shared by every row would make Azurite's point lookups linear).
/// <c>WorkflowInbox</c>: pending signals, partition = workflow; its own table, so that reading it costs little even where a
/// query scans its whole table (Azurite does). Wake-up rows are the <see cref="TableTimers"/>'s.
/// </summary>
internal sealed class TableWorkflows(StorageTables tables)
{
    public const string WorkflowsTable = "Workflows";
    public const string InboxTable = "WorkflowInbox";
    private const string InboxPrefix = "in-";

    // Table strings hold 64 KiB of UTF-16; a large cart's state is split over several properties (an entity holds 1 MiB).
    private const int ChunkChars = 30_000;

    // Written instead of null when no runner holds the lease (the earliest date Table Storage accepts).
    private static readonly DateTimeOffset NoLease = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<StoredWorkflow?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WorkflowsTable, cancellationToken);
        var row = await table.GetEntityIfExistsAsync(id, id, cancellationToken: cancellationToken);
        return row is null ? null : ToStored(row);
    }

    /// <summary>Creates the state row; false when the workflow already exists (another start won).</summary>
    public async Task<bool> TryCreateAsync(RecoveryState state, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WorkflowsTable, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToRow(state, null, null, []), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.IsLostRace())
        {
            return false;
        }
    }

    /// <summary>
    /// Saves the state if nobody wrote it since <paramref name="ifMatch"/>, recording <paramref name="applied"/> (the inbox rows
    /// whose signals this state includes) so that a crash before they are deleted cannot apply them twice. Null when the
    /// ETag was stale (another runner wrote first); otherwise the new ETag and the number of state chunks now stored.
    /// </summary>
    /// <remarks>
    /// A merge that writes every column (no nulls; chunks the previous state used beyond the new one's are blanked) leaves
    /// nothing stale. It costs what a replace costs on Azure, while Azurite implements a replace as remove and insert, which
    /// is linear in the size of the table.
    /// </remarks>
    public async Task<(ETag ETag, int Chunks)?> TrySaveAsync(
        RecoveryState state, ETag ifMatch, int chunksBefore, string? leaseOwner, DateTimeOffset? leaseUntil, IReadOnlyCollection<string> applied, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(WorkflowsTable, cancellationToken);
        var row = ToRow(state, leaseOwner, leaseUntil, applied);
        var chunks = row.GetInt32("Chunks")!.Value;
        for (var i = chunks; i < chunksBefore; i++)
        {
            row[ChunkColumn(i)] = "";
        }

        try
        {
            return ((await table.UpdateEntityAsync(row, ifMatch, TableUpdateMode.Merge, cancellationToken)).NewETag(), chunks);
        }
        catch (RequestFailedException e) when (e.IsLostRace() || e.Status == 404)
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
            return (await table.UpdateEntityAsync(new TableEntity(id, id) { ["LeaseOwner"] = owner, ["LeaseUntil"] = until }, ifMatch, TableUpdateMode.Merge, cancellationToken)).NewETag();
        }
        catch (RequestFailedException e) when (e.IsLostRace())
        {
            return null;
        }
    }

    public async Task AddSignalAsync(string id, RecoverySignal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(InboxTable, cancellationToken);
        var rowKey = $"{InboxPrefix}{now.UtcTicks.ToString("D19", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}";
        await table.AddEntityAsync(new TableEntity(id, rowKey) { ["Signal"] = JsonSerializer.Serialize(signal, WorkflowJson.Options) }, cancellationToken);
    }

    /// <summary>The inbox in arrival order (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<InboxItem>> ReadInboxAsync(string id, int max, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(InboxTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id}");
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

    /// <summary>Deletes inbox rows whose signals a saved state already includes.</summary>
    public async Task DeleteSignalsAsync(string id, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(InboxTable, cancellationToken);
        foreach (var rowKey in rowKeys)
        {
            await table.DeleteEntityAsync(id, rowKey, ETag.All, cancellationToken);
        }
    }

    /// <summary>Deletes the workflow's state and inbox (privacy erasure); its wake-up rows then wake nothing and are deleted.</summary>
    public async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var inbox = await tables.GetAsync(InboxTable, cancellationToken);
        await foreach (var row in inbox.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            await inbox.DeleteEntityAsync(id, row.RowKey, ETag.All, cancellationToken);
        }

        var workflows = await tables.GetAsync(WorkflowsTable, cancellationToken);
        await workflows.DeleteEntityAsync(id, id, ETag.All, cancellationToken);
    }

    private static TableEntity ToRow(RecoveryState state, string? leaseOwner, DateTimeOffset? leaseUntil, IReadOnlyCollection<string> applied)
    {
        var json = JsonSerializer.Serialize(state, WorkflowJson.Options);
        var row = new TableEntity(state.WorkflowId, state.WorkflowId)
        {
            ["Status"] = state.Status.ToString(),
            ["LeaseOwner"] = leaseOwner ?? "", // never null: a merge would keep the previous owner
            ["LeaseUntil"] = leaseUntil ?? NoLease,
            ["Chunks"] = (json.Length + ChunkChars - 1) / ChunkChars,
            ["AppliedInbox"] = string.Join(",", applied),
        };
        for (var i = 0; i * ChunkChars < json.Length; i++)
        {
            row[ChunkColumn(i)] = json.Substring(i * ChunkChars, Math.Min(ChunkChars, json.Length - (i * ChunkChars)));
        }

        return row;
    }

    private static string ChunkColumn(int i) => "State" + i.ToString(CultureInfo.InvariantCulture);

    private static StoredWorkflow ToStored(TableEntity row)
    {
        var json = new StringBuilder();
        var chunks = row.GetInt32("Chunks") ?? 0;
        for (var i = 0; i < chunks; i++)
        {
            json.Append(row.GetString(ChunkColumn(i)));
        }

        var state = JsonSerializer.Deserialize<RecoveryState>(json.ToString(), WorkflowJson.Options)!;
        var applied = row.GetString("AppliedInbox")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var owner = row.GetString("LeaseOwner") is { Length: > 0 } o ? o : null;
        return new StoredWorkflow(state, owner, owner is null ? null : row.GetDateTimeOffset("LeaseUntil"), row.ETag, chunks, applied);
    }
}
