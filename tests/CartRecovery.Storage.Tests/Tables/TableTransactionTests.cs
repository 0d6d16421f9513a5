using Azure;
using Azure.Data.Tables;
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
        service = await AzuriteTables.ServiceAsync(StorageClientOptions.Create(recorder));
        table = await AzuriteTables.CreateTableAsync(service);
    }

    public async ValueTask DisposeAsync()
    {
        await table.DeleteAsync(CancellationToken.None);
        recorder.Dispose();
    }

    [Fact]
    public async Task A_transaction_applies_every_kind_of_action_and_returns_their_etags_in_order()
    {
        var kept = (await table.AddEntityAsync(new TableEntity("p", "update-merge") { ["A"] = 1, ["B"] = 1 }, Cancel)).NewETag();
        var replaced = (await table.AddEntityAsync(new TableEntity("p", "update-replace") { ["A"] = 1, ["B"] = 1 }, Cancel)).NewETag();
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

        Assert.Equal(6, etags.Value.Count);
        Assert.Null(etags.Value[3].Headers.ETag);
        var stored = (await table.QueryAsync(cancellationToken: Cancel).ToListAsync(Cancel)).ToDictionary(e => e.RowKey);
        Assert.Equal(["add", "update-merge", "update-replace", "upsert-merge", "upsert-replace"], stored.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("it's new", stored["add"]["A"]);
        Assert.Equal(5L, stored["add"]["L"]);
        Assert.Equal(etags.Value[0].NewETag(), stored["add"].ETag);
        Assert.Equal(1, stored["update-merge"]["B"]);
        Assert.Equal(2, stored["update-merge"]["A"]);
        Assert.False(stored["update-replace"].ContainsKey("B"));
        Assert.Equal(1, stored["upsert-merge"]["B"]);
        Assert.Equal(etags.Value[5].NewETag(), stored["upsert-replace"].ETag);
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
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 }, Cancel)).NewETag();
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

        Assert.Equal(100, etags.Value.Count);
        Assert.Equal(100, await table.QueryAsync(cancellationToken: Cancel).CountAsync(Cancel));
    }

    private static List<TableTransactionAction> Adds(string partition, int count) =>
        Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"r{i}"))).ToList();
}
