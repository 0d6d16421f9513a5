using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Incentives;

namespace CartRecovery.Storage.Incentives;

/// <summary>
/// The codes the app gave, in table <c>IncentiveCodes</c>: partition = shop, one row per recovery step (row key = a hash of
/// the workflow and step). The customer is kept only as the hash the issuer computed. The first record of a step wins, so two
/// racing attempts of one step end with one code.
/// </summary>
public sealed class TableIncentiveLedger(StorageTables tables) : IIncentiveLedger
{
    public const string TableName = "IncentiveCodes";

    public async Task<IssuedIncentive?> FindAsync(string shop, string workflowId, string stepId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(shop, RowKey(workflowId, stepId), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? Read(entity) : null;
    }

    public async Task RecordAsync(IssuedIncentive issued, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(issued.Shop, RowKey(issued.WorkflowId, issued.StepId))
            {
                ["WorkflowId"] = issued.WorkflowId,
                ["StepId"] = issued.StepId,
                ["CustomerHash"] = issued.CustomerHash,
                ["Code"] = issued.Code,
                ["DiscountId"] = issued.DiscountId,
                ["Kind"] = issued.Kind.ToString(),
                ["Value"] = (double)issued.Value,
                ["IssuedAt"] = issued.IssuedAt,
                ["ExpiresAt"] = issued.ExpiresAt,
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded by an earlier attempt of the same step: the same deterministic code, nothing to add.
        }
    }

    public async Task<int> CountForCustomerAsync(string shop, string customerHash, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {shop} and CustomerHash eq {customerHash} and IssuedAt ge {since}"),
            select: ["RowKey"],
            cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }

    private static string RowKey(string workflowId, string stepId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{workflowId}|{stepId}")));

    private static IssuedIncentive Read(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("WorkflowId"),
        e.GetString("StepId"),
        e.GetString("CustomerHash"),
        e.GetString("Code"),
        e.GetString("DiscountId"),
        Enum.Parse<IncentiveKind>(e.GetString("Kind")),
        (decimal)(e.GetDouble("Value") ?? 0),
        e.GetDateTimeOffset("IssuedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("ExpiresAt") ?? DateTimeOffset.MinValue);
}
