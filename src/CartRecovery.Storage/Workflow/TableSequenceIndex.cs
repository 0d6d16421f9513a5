using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Sequences;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Workflow;

/// <summary>
/// The <c>Sequences</c> table: partition = store, row = workflow id, with status and customer key as columns for filtering
/// and the summary as JSON. Continuation tokens are the service's, wrapped in base64url so callers treat them as opaque.
/// </summary>
public sealed class TableSequenceIndex(StorageTables tables) : ISequenceIndex
{
    public const string TableName = "Sequences";

    public async Task UpsertAsync(SequenceSummary summary, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = new TableEntity(summary.Shop, summary.Id)
        {
            ["Status"] = StatusName(summary.Status),
            ["CustomerKey"] = summary.CustomerKey,
            ["Summary"] = JsonSerializer.Serialize(summary, WorkflowJson.Options),
        };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<SequenceSummary?> GetAsync(string shop, string id, CancellationToken cancellationToken)
    {
        if (!IsSafeKey(id))
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync(shop, id, cancellationToken: cancellationToken);
        return row is null ? null : Read(row);
    }

    public async Task<SequencePage> ListAsync(string shop, RecoveryStatus? status, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = status is { } s
            ? TableClient.CreateQueryFilter($"PartitionKey eq {shop} and Status eq {StatusName(s)}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {shop}");
        var resumeFrom = Unwrap(continuationToken);
        if (continuationToken is not null && resumeFrom is null)
        {
            throw new ArgumentException("not a continuation token of this index", nameof(continuationToken));
        }

        try
        {
            await foreach (var page in table.QueryAsync(filter, pageSize, cancellationToken: cancellationToken).AsPages(resumeFrom, pageSize))
            {
                return new SequencePage(page.Values.Select(Read).ToList(), Wrap(page.ContinuationToken));
            }
        }
        catch (RequestFailedException e) when (resumeFrom is not null && e.Status == 400)
        {
            throw new ArgumentException("not a continuation token of this index", nameof(continuationToken), e);
        }

        return new SequencePage([], null);
    }

    public async IAsyncEnumerable<string> ActiveIdsAsync(string shop, string? customerKey, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var active = StatusName(RecoveryStatus.Active);
        var filter = customerKey is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {shop} and Status eq {active}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {shop} and Status eq {active} and CustomerKey eq {customerKey}");
        await foreach (var row in table.QueryAsync(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            yield return row.RowKey;
        }
    }

    private static SequenceSummary Read(TableEntity row) =>
        JsonSerializer.Deserialize<SequenceSummary>(row.GetString("Summary")!, WorkflowJson.Options)!;

    private static string StatusName(RecoveryStatus status) => JsonNamingPolicy.CamelCase.ConvertName(status.ToString());

    private static bool IsSafeKey(string id) => id.Length is > 0 and <= 200 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static string? Wrap(string? token) =>
        token is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Unwrap(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var s = token.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        var bytes = new byte[s.Length];
        return Convert.TryFromBase64String(s, bytes, out var written) ? Encoding.UTF8.GetString(bytes, 0, written) : null;
    }
}
