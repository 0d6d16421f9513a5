using Azure.Data.Tables;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Tests.Tables;

public sealed class TableKeyValidationTests : IAsyncLifetime
{
    private readonly RecordingHandler recorder = new();
    private TableServiceClient service = null!;
    private TableClient table = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        service = await AzuriteTables.ServiceAsync(StorageClientOptions.Create(recorder));
        table = service.GetTableClient(AzuriteTables.UniqueName());
    }

    public ValueTask DisposeAsync()
    {
        recorder.Dispose();
        return ValueTask.CompletedTask;
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
}
