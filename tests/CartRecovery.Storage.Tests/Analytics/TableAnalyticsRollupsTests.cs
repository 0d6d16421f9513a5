using Azure.Data.Tables;
using CartRecovery.Core.Analytics;
using CartRecovery.Storage.Analytics;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage.Tests.Analytics;

/// <summary>The daily rollups on Azurite: concurrent writers, repeated facts, and a recount of every stored fact.</summary>
public sealed class TableAnalyticsRollupsTests
{
    private const string Shop = "rollup-shop.myshopify.com";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_and_repeated_facts_leave_the_rollups_equal_to_a_recount_of_the_facts()
    {
        var tables = new StorageTables(new TableServiceClient(await AzuriteServer.Shared()), Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));
        var rollups = new TableAnalyticsRollups(tables);
        var random = new Random(1234);
        var facts = Enumerable.Range(0, 120).Select(i => new AnalyticsFact(
            Shop,
            new DateOnly(2026, 8, 1).AddDays(random.Next(3)),
            $"fact-{i}",
            new Dictionary<string, decimal>
            {
                [new CounterKey(Metric.Sent, $"step-{random.Next(3)}", "email").ToString()] = 1,
                [new CounterKey(Metric.Revenue, Variant: random.Next(2) == 0 ? "e:a" : "e:b").ToString()] = Math.Round((decimal)random.NextDouble() * 100, 2),
            },
            "USD")).ToList();
        var stream = facts.Concat(facts.Take(40)).OrderBy(_ => random.Next()).ToList(); // a third delivered twice, in any order

        var applied = await Task.WhenAll(stream.Select(f => Task.Run(() => rollups.ApplyAsync(f, Cancel), Cancel)));

        Assert.Equal(facts.Count, applied.Count(a => a));
        var days = await rollups.ReadAsync(Shop, new DateOnly(2026, 8, 1), new DateOnly(2026, 8, 31), Cancel);
        var recount = await rollups.RecountAsync(Shop, Cancel);
        var expected = facts.GroupBy(f => f.Day).ToDictionary(g => g.Key, g => g.SelectMany(f => f.Deltas).GroupBy(d => d.Key).ToDictionary(d => d.Key, d => d.Sum(x => x.Value)));
        Assert.Equal(expected.Keys.Order(), days.Select(d => d.Day));
        foreach (var day in days)
        {
            Assert.Equal(expected[day.Day].OrderBy(p => p.Key), day.Counters.OrderBy(p => p.Key));
            Assert.Equal(recount[day.Day].OrderBy(p => p.Key), day.Counters.OrderBy(p => p.Key));
            Assert.Equal("USD", day.Currency);
        }
    }
}
