using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Workflow;

/// <summary>
/// The <c>Sequences</c> table: partition = store and a 256-way bucket of the workflow id (<c>{shop}|{2 hex digits}</c>), row =
/// workflow id, with status and customer key as columns for filtering and the summary as JSON. Buckets keep partitions small
/// for a store with many carts; a store's listing is one range query over its buckets. Continuation tokens are the
/// service's, wrapped in base64url so callers treat them as opaque.
/// </summary>
public sealed class TableSequenceIndex(StorageTables tables) : ISequenceIndex
{
    public const string TableName = "Sequences";

    public async Task UpsertAsync(SequenceSummary summary, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(ToRow(summary), TableUpdateMode.Merge, cancellationToken);
    }

    public async Task<bool> TryUpdateAsync(SequenceSummary summary, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(ToRow(summary), ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<SequenceSummary?> GetAsync(string shop, string id, CancellationToken cancellationToken)
    {
        if (!IsSafeKey(id))
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync(PartitionOf(shop, id), id, cancellationToken: cancellationToken);
        return row is null ? null : Read(row);
    }

    public async Task<SequencePage> ListAsync(string shop, RecoveryStatus? status, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey ge {First(shop)} and PartitionKey lt {Last(shop)} and Status eq {StatusName(s)}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {First(shop)} and PartitionKey lt {Last(shop)}");
        var scope = "sequences|" + shop + "|" + (status is { } st ? StatusName(st) : "all");
        var resumeFrom = PageTokens.Unwrap(scope, continuationToken);

        try
        {
            await foreach (var page in table.QueryAsync(filter, pageSize, cancellationToken: cancellationToken).AsPages(resumeFrom, pageSize))
            {
                return new SequencePage(page.Values.Select(Read).ToList(), PageTokens.Wrap(scope, page.ContinuationToken));
            }
        }
        catch (RequestFailedException e) when (resumeFrom is not null && e.Status is 400 or 414 or 431)
        {
            throw new ArgumentException("not a continuation token of this index", nameof(continuationToken), e);
        }

        return new SequencePage([], null);
    }

    public async IAsyncEnumerable<string> ActiveIdsAsync(string shop, string? customerKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RejectEmpty(customerKey); // "" is how a recovery without a customer is stored
        var table = await tables.GetAsync(TableName, cancellationToken);
        var active = StatusName(RecoveryStatus.Active);
        var filter = customerKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey ge {First(shop)} and PartitionKey lt {Last(shop)} and Status eq {active}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {First(shop)} and PartitionKey lt {Last(shop)} and Status eq {active} and CustomerKey eq {customerKey}");
        await foreach (var row in table.QueryAsync(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            yield return row.RowKey;
        }
    }

    public async IAsyncEnumerable<SequenceSummary> ForCustomerAsync(string shop, string customerKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RejectEmpty(customerKey);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await foreach (var row in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey ge {First(shop)} and PartitionKey lt {Last(shop)} and CustomerKey eq {customerKey}"), cancellationToken: cancellationToken))
        {
            yield return Read(row);
        }
    }

    public async Task DeleteAsync(string shop, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(PartitionOf(shop, id), id, ETag.All, cancellationToken);
    }

    /// <remarks>
    /// Written by merge with every column (none is null), which leaves nothing stale; it costs what a replace costs on Azure,
    /// while Azurite implements a replace as remove and insert, which is linear in the size of the table.
    /// </remarks>
    private static TableEntity ToRow(SequenceSummary summary) => new(PartitionOf(summary.Shop, summary.Id), summary.Id)
    {
        ["Status"] = StatusName(summary.Status),
        ["CustomerKey"] = summary.CustomerKey ?? "",
        ["Summary"] = JsonSerializer.Serialize(summary, WorkflowJson.Options),
    };

    private static string PartitionOf(string shop, string id) => $"{shop}|{(id.Length >= 7 ? id.Substring(5, 2) : "00")}";

    private static string First(string shop) => shop + "|";

    private static string Last(string shop) => shop + "|~";

    private static SequenceSummary Read(TableEntity row) =>
        JsonSerializer.Deserialize<SequenceSummary>(row.GetString("Summary")!, WorkflowJson.Options)!;

    private static string StatusName(RecoveryStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static bool IsSafeKey(string id) => id.Length is > 0 and <= 200 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static void RejectEmpty(string? customerKey)
    {
        if (customerKey is { Length: 0 })
        {
            throw new ArgumentException("a customer key is never empty", nameof(customerKey));
        }
    }
}
