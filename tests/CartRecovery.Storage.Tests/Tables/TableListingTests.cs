using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableListingTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lists_exactly_the_tables_with_the_prefix_in_order_across_pages()
    {
        var service = await AzuriteTables.ServiceAsync();
        var prefix = AzuriteTables.UniqueName("list");
        string[] names = [prefix + "B2", prefix + "A1", prefix + "C3", prefix + "A10", prefix];
        foreach (var name in names)
        {
            await service.GetTableClient(name).CreateIfNotExistsAsync(Cancel);
        }

        await service.GetTableClient(prefix[..^1] + "z").CreateIfNotExistsAsync(Cancel); // shares all but the last letter
        await service.GetTableClient(AzuriteTables.UniqueName("other")).CreateIfNotExistsAsync(Cancel);

        var expected = names.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, await service.GetTableNamesAsync(prefix, cancellationToken: Cancel));
        Assert.Equal(expected, await service.GetTableNamesAsync(prefix, null, pageSize: 2, Cancel));
        Assert.Equal([prefix + "A1", prefix + "A10"], await service.GetTableNamesAsync(prefix + "A", cancellationToken: Cancel));
        Assert.Equal([prefix, prefix + "A1", prefix + "A10", prefix + "B2"], await service.GetTableNamesAsync(prefix, prefix + "B2", Cancel));
        Assert.Equal([prefix, prefix + "A1"], await service.GetTableNamesAsync(prefix, prefix + "A1", pageSize: 1, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => service.GetTableNamesAsync(prefix, "other", Cancel));
    }

    [Fact]
    public async Task A_deleted_table_is_no_longer_listed()
    {
        var service = await AzuriteTables.ServiceAsync();
        var prefix = AzuriteTables.UniqueName("gone");
        await service.GetTableClient(prefix + "Kept").CreateIfNotExistsAsync(Cancel);
        await service.GetTableClient(prefix + "Dropped").CreateIfNotExistsAsync(Cancel);

        await service.GetTableClient(prefix + "Dropped").DeleteAsync(Cancel);

        Assert.Equal([prefix + "Kept"], await service.GetTableNamesAsync(prefix, cancellationToken: Cancel));
    }
}
