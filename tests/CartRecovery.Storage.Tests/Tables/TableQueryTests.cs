using Azure;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableQueryTests : IAsyncLifetime
{
    private TableServiceClient service = null!;
    private TableClient table = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        service = await AzuriteTables.ServiceAsync();
        table = await AzuriteTables.CreateTableAsync(service);
    }

    public async ValueTask DisposeAsync()
    {
        await table.DeleteAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_query_over_more_than_5000_entities_follows_every_continuation()
    {
        const int Partitions = 6;
        const int PerPartition = 900; // 5,400 in all, more than five pages of 1,000
        for (var p = 0; p < Partitions; p++)
        {
            var partition = $"p{p}";
            for (var start = 0; start < PerPartition; start += 100)
            {
                var actions = Enumerable.Range(start, 100)
                    .Select(r => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, r.ToString("D5")) { ["N"] = (p * PerPartition) + r }))
                    .ToList();
                await table.SubmitTransactionAsync(actions, Cancel);
            }
        }

        var all = await table.QueryAsync(cancellationToken: Cancel).ToListAsync(Cancel);
        var pages = await table.QueryAsync(cancellationToken: Cancel).AsPages().ToListAsync(Cancel);

        Assert.Equal(Partitions * PerPartition, all.Count);
        Assert.Equal(Enumerable.Range(0, Partitions * PerPartition), all.Select(e => e.GetInt32("N")!.Value).Order());
        Assert.True(pages.Count >= 6, $"expected at least 6 pages, got {pages.Count}");
        Assert.All(pages, page => Assert.True(page.Values.Count <= 1000));
        Assert.Null(pages[^1].ContinuationToken);
        Assert.All(pages[..^1], page => Assert.NotNull(page.ContinuationToken));
    }

    [Fact]
    public async Task Max_per_page_limits_each_page_and_the_opaque_token_resumes_where_the_last_page_ended()
    {
        await AddRowsAsync("p", 7);

        var first = await table.QueryAsync(maxPerPage: 3, cancellationToken: Cancel).AsPages().FirstAsync(Cancel);
        var rest = await table.QueryAsync(cancellationToken: Cancel).AsPages(first.ContinuationToken, pageSizeHint: 3).ToListAsync(Cancel);

        Assert.Equal(["r0", "r1", "r2"], first.Values.Select(e => e.RowKey));
        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(["r3", "r4", "r5", "r6"], rest.SelectMany(p => p.Values).Select(e => e.RowKey));
        Assert.All(rest, page => Assert.True(page.Values.Count <= 3));
        Assert.Equal(200, first.GetRawResponse().Status);
    }

    [Fact]
    public async Task Select_returns_only_the_chosen_properties_with_keys_and_etag()
    {
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1L, ["B"] = "b", ["C"] = true }, Cancel);

        var entity = Assert.Single(await table.QueryAsync(select: ["A", "C"], cancellationToken: Cancel).ToListAsync(Cancel));

        Assert.Equal(1L, entity["A"]);
        Assert.Equal(true, entity["C"]);
        Assert.False(entity.ContainsKey("B"));
        Assert.NotEqual(default, entity.ETag);
    }

    [Fact]
    public async Task Filters_on_typed_properties_match_exactly_the_right_rows()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var id = Guid.NewGuid();
        for (var i = 0; i < 5; i++)
        {
            await table.AddEntityAsync(
                new TableEntity("p", $"r{i}") { ["Int"] = i, ["Long"] = 10_000_000_000L + i, ["Double"] = i * 1.0, ["At"] = at.AddDays(i), ["Flag"] = i % 2 == 0, ["Id"] = i == 3 ? id : Guid.Empty, ["Bytes"] = new byte[] { (byte)i, 0xAB } },
                Cancel);
        }

        Assert.Equal(["r3", "r4"], await RowKeysAsync(TableClient.CreateQueryFilter($"Int ge {3}")));
        Assert.Equal(["r0", "r1"], await RowKeysAsync(TableClient.CreateQueryFilter($"Long lt {10_000_000_002L}")));
        Assert.Equal(["r2"], await RowKeysAsync(TableClient.CreateQueryFilter($"Double eq {2.0}")));
        Assert.Equal(["r1", "r2"], await RowKeysAsync(TableClient.CreateQueryFilter($"At gt {at} and At le {at.AddDays(2)}")));
        Assert.Equal(["r0", "r2", "r4"], await RowKeysAsync(TableClient.CreateQueryFilter($"Flag eq {true}")));
        Assert.Equal(["r3"], await RowKeysAsync(TableClient.CreateQueryFilter($"Id eq {id}")));
        Assert.Equal(["r4"], await RowKeysAsync(TableClient.CreateQueryFilter($"Bytes eq {new byte[] { 4, 0xAB }}")));
    }

    [Theory]
    [InlineData("x' or PartitionKey ne '")]
    [InlineData("it's")]
    [InlineData("a#b")]
    [InlineData("a&b=c")]
    [InlineData("1+1 2")]
    [InlineData("ünïcødé 😀 ")]
    [InlineData("%27%23")]
    [InlineData("'')")]
    public async Task Hostile_filter_values_neither_break_nor_inject(string hostile)
    {
        await table.AddEntityAsync(new TableEntity("p", "plain") { ["Name"] = "plain" }, Cancel);
        await table.AddEntityAsync(new TableEntity("p", "hostile") { ["Name"] = hostile }, Cancel);
        await table.AddEntityAsync(new TableEntity("q", "other") { ["Name"] = "other" }, Cancel);

        Assert.Equal(["hostile"], await RowKeysAsync(TableClient.CreateQueryFilter($"Name eq {hostile}")));
        Assert.Equal(["hostile"], await RowKeysAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and Name eq {hostile}")));
        Assert.Equal(["other", "plain"], await RowKeysAsync(TableClient.CreateQueryFilter($"Name ne {hostile}")));
        Assert.Empty(await RowKeysAsync(TableClient.CreateQueryFilter($"PartitionKey eq {hostile}")));
    }

    [Fact]
    public async Task A_filter_on_keys_with_quotes_finds_the_entity()
    {
        await table.AddEntityAsync(new TableEntity("o'brien", "it's") { ["V"] = 1 }, Cancel);
        await table.AddEntityAsync(new TableEntity("obrien", "its") { ["V"] = 2 }, Cancel);

        Assert.Equal(["it's"], await RowKeysAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"o'brien"} and RowKey eq {"it's"}")));
    }

    [Fact]
    public async Task An_invalid_filter_is_a_400_with_the_service_message()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(async () => await table.QueryAsync("Name eq eq 'x'", cancellationToken: Cancel).ToListAsync(Cancel));

        Assert.Equal(400, error.Status);
    }

    private async Task AddRowsAsync(string partition, int count)
    {
        var actions = Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"r{i}") { ["N"] = i }));
        await table.SubmitTransactionAsync(actions, Cancel);
    }

    private async Task<List<string>> RowKeysAsync(string filter) =>
        (await table.QueryAsync(filter, cancellationToken: Cancel).ToListAsync(Cancel)).Select(e => e.RowKey).Order(StringComparer.Ordinal).ToList();
}
