using Azure;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableEntityCrudTests : IAsyncLifetime
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
    public async Task Every_supported_type_round_trips_exactly()
    {
        var at = new DateTimeOffset(2026, 11, 21, 19, 45, 12, TimeSpan.FromHours(2)).AddTicks(1234567);
        var id = Guid.NewGuid();
        var bytes = new byte[] { 0, 1, 2, 254, 255, 10, 13 };
        var entity = new TableEntity("shop.myshopify.com", "cart 'one'")
        {
            ["Text"] = "Grüße, 'quoted' \"double\" & # + % 😀",
            ["Empty"] = string.Empty,
            ["Int"] = int.MinValue,
            ["Long"] = 9_007_199_254_740_993L,
            ["SmallLong"] = 5L,
            ["Double"] = 0.1 + 0.2,
            ["WholeDouble"] = 3.0,
            ["NegativeZeroish"] = -1e-300,
            ["Bool"] = true,
            ["False"] = false,
            ["At"] = at,
            ["Id"] = id,
            ["Bytes"] = bytes,
        };

        var etag = (await table.AddEntityAsync(entity, Cancel)).NewETag();
        var read = await table.GetEntityAsync(entity.PartitionKey, entity.RowKey, cancellationToken: Cancel);

        Assert.NotEqual(default, etag);
        Assert.Equal(etag, read.ETag);
        Assert.Equal(entity.PartitionKey, read.PartitionKey);
        Assert.Equal(entity.RowKey, read.RowKey);
        Assert.NotNull(read.Timestamp);
        Assert.Equal("Grüße, 'quoted' \"double\" & # + % 😀", read["Text"]);
        Assert.Equal(string.Empty, read["Empty"]);
        Assert.Equal(int.MinValue, Assert.IsType<int>(read["Int"]));
        Assert.Equal(9_007_199_254_740_993L, Assert.IsType<long>(read["Long"]));
        Assert.Equal(5L, Assert.IsType<long>(read["SmallLong"]));
        Assert.Equal(0.1 + 0.2, Assert.IsType<double>(read["Double"]));
        Assert.Equal(3.0, Assert.IsType<double>(read["WholeDouble"]));
        Assert.Equal(-1e-300, Assert.IsType<double>(read["NegativeZeroish"]));
        Assert.True(Assert.IsType<bool>(read["Bool"]));
        Assert.False(Assert.IsType<bool>(read["False"]));
        Assert.Equal(at, Assert.IsType<DateTimeOffset>(read["At"]));
        Assert.Equal(at.UtcTicks, read.GetDateTimeOffset("At")!.Value.UtcTicks);
        Assert.Equal(id, Assert.IsType<Guid>(read["Id"]));
        Assert.Equal(bytes, Assert.IsType<byte[]>(read["Bytes"]));
        Assert.All(entity.Keys, key => Assert.True(read.ContainsKey(key), key));
    }

    [Fact]
    public async Task Queried_entities_carry_the_same_types_and_etags_as_single_reads()
    {
        var entity = new TableEntity("p", "r") { ["Long"] = 42L, ["Whole"] = 2.0, ["Int"] = 7, ["Id"] = Guid.Empty, ["At"] = DateTimeOffset.UnixEpoch };
        await table.AddEntityAsync(entity, Cancel);
        var single = await table.GetEntityAsync("p", "r", cancellationToken: Cancel);

        var queried = Assert.Single(await table.QueryAsync(cancellationToken: Cancel).ToListAsync(Cancel));

        Assert.Equal(single.ETag, queried.ETag);
        Assert.Equal(42L, Assert.IsType<long>(queried["Long"]));
        Assert.Equal(2.0, Assert.IsType<double>(queried["Whole"]));
        Assert.Equal(7, Assert.IsType<int>(queried["Int"]));
        Assert.Equal(Guid.Empty, Assert.IsType<Guid>(queried["Id"]));
        Assert.Equal(DateTimeOffset.UnixEpoch, Assert.IsType<DateTimeOffset>(queried["At"]));
    }

    [Fact]
    public async Task Adding_an_existing_entity_is_a_concurrency_conflict_and_keeps_the_stored_one()
    {
        await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = "first" }, Cancel);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = "second" }, Cancel));
        Assert.True(error.IsLostRace());

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal("first", (await table.GetEntityAsync("p", "r", cancellationToken: Cancel)).GetString("V"));
    }

    [Fact]
    public async Task Upsert_merge_keeps_other_properties_and_upsert_replace_drops_them()
    {
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = "b" }, TableUpdateMode.Merge, Cancel);
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = 2 }, TableUpdateMode.Merge, Cancel);
        var merged = await table.GetEntityAsync("p", "r", cancellationToken: Cancel);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = true }, TableUpdateMode.Replace, Cancel);
        var replaced = await table.GetEntityAsync("p", "r", cancellationToken: Cancel);

        Assert.Equal(2, merged["A"]);
        Assert.Equal("b", merged["B"]);
        Assert.False(replaced.ContainsKey("A"));
        Assert.False(replaced.ContainsKey("B"));
        Assert.Equal(true, replaced["C"]);
    }

    [Fact]
    public async Task An_update_with_the_current_etag_succeeds_and_returns_a_new_etag()
    {
        var first = (await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 }, Cancel)).NewETag();

        var second = (await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, first, TableUpdateMode.Replace, Cancel)).NewETag();

        Assert.NotEqual(first, second);
        var stored = await table.GetEntityAsync("p", "r", cancellationToken: Cancel);
        Assert.Equal(second, stored.ETag);
        Assert.Equal(2, stored["N"]);
    }

    [Theory]
    [InlineData(TableUpdateMode.Merge)]
    [InlineData(TableUpdateMode.Replace)]
    public async Task A_stale_etag_throws_a_concurrency_exception_and_leaves_the_entity_unchanged(TableUpdateMode mode)
    {
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r") { ["N"] = 1 }, Cancel)).NewETag();
        var current = (await table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 2 }, stale, mode, Cancel)).NewETag();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["N"] = 3, ["X"] = "lost" }, stale, mode, Cancel));
        Assert.True(error.IsLostRace());

        Assert.Equal(412, error.Status);
        var stored = await table.GetEntityAsync("p", "r", cancellationToken: Cancel);
        Assert.Equal(2, stored["N"]);
        Assert.False(stored.ContainsKey("X"));
        Assert.Equal(current, stored.ETag);
    }

    [Fact]
    public async Task An_update_without_an_etag_is_rejected_before_sending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), default, TableUpdateMode.Merge, Cancel));
    }

    [Fact]
    public async Task Updating_a_missing_entity_is_a_404()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "missing"), ETag.All, TableUpdateMode.Merge, Cancel));

        Assert.Equal(404, error.Status);
        Assert.False(error.IsLostRace());
    }

    [Fact]
    public async Task Get_of_a_missing_entity_throws_404_and_get_if_exists_returns_null()
    {
        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.GetEntityAsync("p", "nothing", cancellationToken: Cancel));

        Assert.Equal(404, error.Status);
        Assert.Equal("ResourceNotFound", error.ErrorCode);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "nothing", cancellationToken: Cancel));
    }

    [Fact]
    public async Task Get_with_select_returns_only_the_chosen_properties()
    {
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2, ["C"] = 3 }, Cancel);

        var read = await table.GetEntityAsync("p", "r", ["A", "C"], Cancel);

        Assert.Equal(1, read["A"]);
        Assert.Equal(3, read["C"]);
        Assert.False(read.ContainsKey("B"));
    }

    [Fact]
    public async Task Delete_with_a_stale_etag_fails_and_with_the_current_one_removes_the_entity()
    {
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r"), Cancel)).NewETag();
        var current = (await table.UpsertEntityAsync(new TableEntity("p", "r") { ["N"] = 1 }, TableUpdateMode.Merge, Cancel)).NewETag();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.DeleteEntityAsync("p", "r", stale, Cancel));
        Assert.True(error.IsLostRace());
        Assert.Equal(412, error.Status);
        Assert.NotNull(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: Cancel));

        await table.DeleteEntityAsync("p", "r", current, Cancel);
        Assert.Null(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: Cancel));
    }

    [Fact]
    public async Task Deleting_a_missing_entity_is_not_an_error_and_default_etag_deletes_unconditionally()
    {
        await table.DeleteEntityAsync("p", "never-there", cancellationToken: Cancel);
        await table.AddEntityAsync(new TableEntity("p", "r"), Cancel);

        await table.DeleteEntityAsync("p", "r", cancellationToken: Cancel);

        Assert.Null(await table.GetEntityIfExistsAsync("p", "r", cancellationToken: Cancel));
    }

    [Theory]
    [InlineData("it's", "a''b")]
    [InlineData("spaces and + plus", "50% & more")]
    [InlineData("ünïcødé 😀", "(parens),=;:@$!*")]
    [InlineData("", "")]
    public async Task Keys_with_quotes_and_url_special_characters_round_trip(string partitionKey, string rowKey)
    {
        await table.AddEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 1 }, Cancel);

        var read = await table.GetEntityAsync(partitionKey, rowKey, cancellationToken: Cancel);
        await table.UpsertEntityAsync(new TableEntity(partitionKey, rowKey) { ["V"] = 2 }, TableUpdateMode.Merge, Cancel);
        var updated = await table.GetEntityAsync(partitionKey, rowKey, cancellationToken: Cancel);
        await table.DeleteEntityAsync(partitionKey, rowKey, updated.ETag, Cancel);

        Assert.Equal(partitionKey, read.PartitionKey);
        Assert.Equal(rowKey, read.RowKey);
        Assert.Equal(2, updated["V"]);
        Assert.Null(await table.GetEntityIfExistsAsync(partitionKey, rowKey, cancellationToken: Cancel));
    }

    [Fact]
    public async Task Create_if_not_exists_twice_is_fine_and_delete_removes_the_table()
    {
        var name = AzuriteTables.UniqueName();
        var other = service.GetTableClient(name);
        await other.CreateIfNotExistsAsync(Cancel);
        await other.CreateIfNotExistsAsync(Cancel);
        await other.AddEntityAsync(new TableEntity("p", "r"), Cancel);

        await other.DeleteAsync(Cancel);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => other.GetEntityAsync("p", "r", cancellationToken: Cancel));
        Assert.Equal(404, error.Status);
        Assert.Equal("TableNotFound", error.ErrorCode);
        await other.DeleteAsync(Cancel); // a missing table is not an error
    }

    [Fact]
    public async Task Null_properties_are_not_stored()
    {
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Gone"] = null, ["Kept"] = "k" }, Cancel);
        var read = await table.GetEntityAsync("p", "r", cancellationToken: Cancel);

        Assert.False(read.ContainsKey("Gone"));
        Assert.Equal("k", read.GetString("Kept"));
    }
}
