using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableKeyValidationTests : IAsyncLifetime
{
    private readonly RecordingHandler recorder = new();
    private TableServiceClient service = null!;
    private TableClient table = null!;

    public static TheoryData<string> ForbiddenKeys => new()
    {
        "a/b", "a\\b", "a#b", "a?b", "a\u0000b", "tab\there", "new\nline", "\u001F", "del\u007F", "c1\u0080", "c1\u009F", new string('k', 513),
    };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        service = await AzuriteTables.ServiceAsync(new TableClientOptions { Transport = recorder });
        table = service.GetTableClient(AzuriteTables.UniqueName());
    }

    public ValueTask DisposeAsync()
    {
        service.Dispose();
        recorder.Dispose();
        return ValueTask.CompletedTask;
    }

    [Theory]
    [MemberData(nameof(ForbiddenKeys))]
    public async Task Forbidden_keys_are_rejected_with_a_clear_error_and_no_request(string key)
    {
        var errors = new List<ArgumentException>
        {
            await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(key, "r"), Cancel)),
            await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", key), Cancel)),
            await Assert.ThrowsAsync<ArgumentException>(() => table.UpsertEntityAsync(new TableEntity(key, "r"), TableUpdateMode.Replace, Cancel)),
            await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("p", key), Azure.ETag.All, TableUpdateMode.Merge, Cancel)),
            await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityAsync(key, "r", cancellationToken: Cancel)),
            await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityIfExistsAsync("p", key, cancellationToken: Cancel)),
            await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync(key, "r", cancellationToken: Cancel)),
        };

        Assert.Empty(recorder.Attempts);
        Assert.All(errors, e => Assert.Matches("PartitionKey|RowKey", e.Message));
        Assert.All(errors, e => Assert.True(key.Length > 500 || !e.Message.Contains(key, StringComparison.Ordinal), "the key is not echoed"));
    }

    [Fact]
    public async Task A_key_of_exactly_512_characters_is_accepted()
    {
        await table.CreateIfNotExistsAsync(Cancel);
        var key = new string('k', 512);

        await table.AddEntityAsync(new TableEntity(key, key), Cancel);

        Assert.NotNull(await table.GetEntityIfExistsAsync(key, key, cancellationToken: Cancel));
        await table.DeleteAsync(Cancel);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1abc")]
    [InlineData("has-dash")]
    [InlineData("under_score")]
    [InlineData("tables")]
    [InlineData("")]
    public void Invalid_table_names_are_rejected(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => service.GetTableClient(name));

        Assert.Contains("not a valid table name", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("Carts2026")]
    public void Valid_table_names_are_accepted(string name) => Assert.Equal(name, service.GetTableClient(name).Name);

    [Fact]
    public void A_63_character_name_is_the_longest_accepted()
    {
        Assert.Equal(63, service.GetTableClient("a" + new string('b', 62)).Name.Length);
        Assert.Throws<ArgumentException>(() => service.GetTableClient("a" + new string('b', 63)));
    }
}
