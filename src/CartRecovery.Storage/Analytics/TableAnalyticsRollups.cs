using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Analytics;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Analytics;

/// <summary>
/// <see cref="IAnalyticsRollups"/> on the <c>Analytics</c> table, one partition per shop: a row per day holding its
/// counters, and a row per applied fact. A fact's row and its day's new counters are written in one entity-group
/// transaction (the day row under its ETag), so a fact counts exactly once even with concurrent writers and retries,
/// and a report reads one row per day.
/// </summary>
public sealed class TableAnalyticsRollups(StorageTables tables) : IAnalyticsRollups
{
    public const string TableName = "Analytics";
    private const int MaxWriteAttempts = 60;
    private const string DayPrefix = "day|";
    private const string FactPrefix = "fact|";

    public async Task<bool> ApplyAsync(AnalyticsFact fact, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var factKey = FactPrefix + PersonalDataHash.Of(fact.FactId);
        for (var attempt = 0; attempt < MaxWriteAttempts; attempt++)
        {
            var day = await table.GetEntityIfExistsAsync(fact.Shop, DayKey(fact.Day), cancellationToken: cancellationToken);
            var counters = day is null ? new Dictionary<string, decimal>(StringComparer.Ordinal) : ReadCounters(day);
            foreach (var (key, delta) in fact.Deltas)
            {
                counters[key] = counters.GetValueOrDefault(key) + delta;
            }

            var dayRow = new TableEntity(fact.Shop, DayKey(fact.Day));
            WriteCounters(dayRow, counters);
            var currency = day?.GetString("Currency") ?? fact.Currency;
            if (currency is not null)
            {
                dayRow["Currency"] = currency;
            }

            var factRow = new TableEntity(fact.Shop, factKey)
            {
                ["FactId"] = fact.FactId,
                ["Day"] = fact.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["Deltas"] = JsonSerializer.Serialize(fact.Deltas),
            };
            TableTransactionAction dayAction = day is null
                ? new(TableTransactionActionType.Add, dayRow)
                : new(TableTransactionActionType.UpdateReplace, dayRow, day.ETag);
            try
            {
                await table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, factRow), dayAction], cancellationToken);
                return true;
            }
            catch (TableTransactionFailedException failed)
            {
                if (failed.FailedTransactionActionIndex == 0 || await table.GetEntityIfExistsAsync(fact.Shop, factKey, select: ["FactId"], cancellationToken: cancellationToken) is not null)
                {
                    return false; // applied before
                }

                // Another writer updated the day first. Back off with jitter, so a burst of writers to one day spreads out
                // instead of colliding again on every round.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + (Math.Min(attempt, 10) * 10))), cancellationToken);
            }
        }

        throw TableErrors.LostRace($"Counting a fact for {fact.Day} kept losing races.");
    }

    public async Task<IReadOnlyList<DailyRollup>> ReadAsync(string shop, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shop} and RowKey ge {DayKey(from)} and RowKey le {DayKey(to)}");
        var days = new List<DailyRollup>();
        await foreach (var row in table.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            days.Add(new DailyRollup(DateOnly.ParseExact(row.RowKey[DayPrefix.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture), ReadCounters(row), row.GetString("Currency")));
        }

        return days;
    }

    /// <summary>
    /// The days' counters recomputed from every stored fact (a scan of the whole partition): the check that the rollups
    /// are exact, never the way reports are answered.
    /// </summary>
    public async Task<IReadOnlyDictionary<DateOnly, Dictionary<string, decimal>>> RecountAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await Table(cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {shop} and RowKey ge {FactPrefix} and RowKey lt {"fact}"}");
        var days = new Dictionary<DateOnly, Dictionary<string, decimal>>();
        await foreach (var row in table.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            var day = DateOnly.ParseExact(row.GetString("Day"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var counters = days.TryGetValue(day, out var c) ? c : days[day] = new(StringComparer.Ordinal);
            foreach (var (key, delta) in JsonSerializer.Deserialize<Dictionary<string, decimal>>(row.GetString("Deltas"))!)
            {
                counters[key] = counters.GetValueOrDefault(key) + delta;
            }
        }

        return days;
    }

    private static string DayKey(DateOnly day) => DayPrefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, decimal> ReadCounters(TableEntity row) =>
        ChunkedProperties.Read(row, "Counters") is { } bytes
            ? JsonSerializer.Deserialize<Dictionary<string, decimal>>(bytes) ?? new(StringComparer.Ordinal)
            : new(StringComparer.Ordinal);

    private static void WriteCounters(TableEntity row, Dictionary<string, decimal> counters)
    {
        if (!ChunkedProperties.TryWrite(row, "Counters", JsonSerializer.SerializeToUtf8Bytes(counters)))
        {
            throw new InvalidOperationException("A day's counters no longer fit one table row.");
        }
    }

    private Task<TableClient> Table(CancellationToken cancellationToken) => tables.GetAsync(TableName, cancellationToken);
}
