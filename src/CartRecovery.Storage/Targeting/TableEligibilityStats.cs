using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Targeting.Eligibility;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Targeting;

/// <summary>
/// The chain's decision counts in table <c>EligibilityCounts</c>: partition = shop, row = <c>{yyyy-MM-dd}|{filter}|{outcome}</c>,
/// column <c>Count</c>, incremented on the row's ETag (a lost race re-reads), so concurrent steps never lose a count.
/// </summary>
public sealed class TableEligibilityStats(StorageTables tables) : IEligibilityStats
{
    public const string TableName = "EligibilityCounts";
    private const int MaxRaces = 16;

    public async Task RecordAsync(string shop, DateOnly day, string filter, VerdictKind outcome, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var row = $"{day:yyyy-MM-dd}|{filter}|{outcome.ToString().ToLowerInvariant()}";
        for (var race = 0; ; race++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(shop, row, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (!existing.HasValue || existing.Value is not { } entity)
                {
                    await table.AddEntityAsync(new TableEntity(shop, row) { ["Count"] = 1L }, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    entity["Count"] = (entity.GetInt64("Count") ?? 0) + 1;
                    await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (RequestFailedException e) when (e.IsLostRace() && race < MaxRaces)
            {
            }
        }
    }

    public async Task<IReadOnlyList<FilterCount>> ReadAsync(string shop, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken).ConfigureAwait(false);
        var low = $"{from:yyyy-MM-dd}";
        var high = $"{to.AddDays(1):yyyy-MM-dd}";
        var counts = new List<FilterCount>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shop} and RowKey ge {low} and RowKey lt {high}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var parts = entity.RowKey.Split('|');
            if (parts.Length == 3 && Enum.TryParse<VerdictKind>(parts[2], ignoreCase: true, out var outcome))
            {
                counts.Add(new FilterCount(DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), parts[1], outcome, entity.GetInt64("Count") ?? 0));
            }
        }

        return counts;
    }
}
