using Azure;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableTransactionTests : IAsyncLifetime
{
    private readonly RecordingHandler recorder = new();
    private TableServiceClient service = null!;
    private TableClient table = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        service = await AzuriteTables.ServiceAsync(new TableClientOptions { Transport = recorder });
        table = await AzuriteTables.CreateTableAsync(service);
    }

    public async ValueTask DisposeAsync()
    {
        await table.DeleteAsync(CancellationToken.None);
        service.Dispose();
        recorder.Dispose();
    }

    [Fact]
    public async Task A_transaction_applies_every_kind_of_action_and_returns_their_etags_in_order()
    {
        var kept = await table.AddEntityAsync(new TableEntity("p", "update-merge") { ["A"] = 1, ["B"] = 1 }, Cancel);
        var replaced = await table.AddEntityAsync(new TableEntity("p", "update-replace") { ["A"] = 1, ["B"] = 1 }, Cancel);
        await table.AddEntityAsync(new TableEntity("p", "delete"), Cancel);
        await table.AddEntityAsync(new TableEntity("p", "upsert-merge") { ["B"] = 1 }, Cancel);

        var etags = await table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "add") { ["A"] = "it's new", ["L"] = 5L }),
                new(TableTransactionActionType.UpdateMerge, new TableEntity("p", "update-merge") { ["A"] = 2 }, kept),
                new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "update-replace") { ["A"] = 2 }, replaced),
                new(TableTransactionActionType.Delete, new TableEntity("p", "delete")),
                new(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upsert-merge") { ["A"] = 2 }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upsert-replace") { ["A"] = 2 }),
            ],
            Cancel);

        Assert.Equal(6, etags.Count);
        Assert.Equal(default, etags[3]);
        var stored = (await table.QueryAsync(cancellationToken: Cancel).ToListAsync(Cancel)).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "update-merge", "update-replace", "upsert-merge", "upsert-replace"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("it's new", stored["add"]["A"]);
        Assert.Equal(5L, stored["add"]["L"]);
        Assert.Equal(etags[0], stored["add"].ETag);
        Assert.Equal(1, stored["update-merge"]["B"]);
        Assert.Equal(2, stored["update-merge"]["A"]);
        Assert.False(stored["update-replace"].ContainsKey("B"));
        Assert.Equal(1, stored["upsert-merge"]["B"]);
        Assert.Equal(etags[5], stored["upsert-replace"].ETag);
    }

    [Fact]
    public async Task A_failing_action_rolls_back_the_whole_transaction_and_names_its_index()
    {
        await table.AddEntityAsync(new TableEntity("p", "exists") { ["V"] = "original" }, Cancel);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "new1")),
                new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "new2")),
                new(TableTransactionActionType.Add, new TableEntity("p", "exists") { ["V"] = "overwritten" }),
                new(TableTransactionActionType.Add, new TableEntity("p", "new3")),
            ],
            Cancel));

        Assert.Equal(2, error.FailedTransactionActionIndex);
        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        var stored = Assert.Single(await table.QueryAsync(cancellationToken: Cancel).ToListAsync(Cancel));
        Assert.Equal("original", stored["V"]);
    }

    [Fact]
    public async Task A_stale_etag_inside_a_transaction_fails_it_without_overwriting()
    {
        var stale = await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, Cancel);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 }, TableUpdateMode.Merge, Cancel);

        var error = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [
                new(TableTransactionActionType.Add, new TableEntity("p", "other")),
                new(TableTransactionActionType.UpdateReplace, new TableEntity("p", "r") { ["V"] = 3 }, stale),
            ],
            Cancel));

        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await table.GetEntityAsync("p", "r", cancellationToken: Cancel))["V"]);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "other", cancellationToken: Cancel));
    }

    [Fact]
    public async Task Exactly_100_actions_are_accepted()
    {
        var etags = await table.SubmitTransactionAsync(Adds("p", 100), Cancel);

        Assert.Equal(100, etags.Count);
        Assert.Equal(100, await table.QueryAsync(cancellationToken: Cancel).CountAsync(Cancel));
    }

    [Fact]
    public async Task Rule_breaking_transactions_are_rejected_before_any_request()
    {
        var before = recorder.Attempts.Count;

        var tooMany = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(Adds("p", 101), Cancel));
        var twoPartitions = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([.. Adds("p", 2), .. Adds("q", 1)], Cancel));
        var twice = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            [new(TableTransactionActionType.Add, new TableEntity("p", "r")), new(TableTransactionActionType.Delete, new TableEntity("p", "r"))], Cancel));
        var empty = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([], Cancel));
        var badKey = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([new(TableTransactionActionType.Add, new TableEntity("p", "a/b"))], Cancel));

        Assert.Contains("at most 100", tooMany.Message, StringComparison.Ordinal);
        Assert.Contains("one PartitionKey", twoPartitions.Message, StringComparison.Ordinal);
        Assert.Contains("once per transaction", twice.Message, StringComparison.Ordinal);
        Assert.Contains("at least one", empty.Message, StringComparison.Ordinal);
        Assert.Contains("RowKey", badKey.Message, StringComparison.Ordinal);
        Assert.Equal(before, recorder.Attempts.Count);
        Assert.Empty(await table.QueryAsync(cancellationToken: Cancel).ToListAsync(Cancel));
    }

    [Fact]
    public async Task A_transaction_over_4_MiB_is_rejected_before_sending()
    {
        var big = new string('x', 30_000); // 60 KB of UTF-16 per property on the service, 30 KB of JSON
        var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(
            TableTransactionActionType.Add,
            new TableEntity("p", $"r{i}") { ["A"] = big, ["B"] = big }));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(actions, Cancel));

        Assert.Contains("4 MiB", error.Message, StringComparison.Ordinal);
    }

    private static List<TableTransactionAction> Adds(string partition, int count) =>
        Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"r{i}"))).ToList();
}
