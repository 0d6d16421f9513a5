using Azure.Data.Tables;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;

namespace CartRecovery.Storage.Tests.Tables;

/// <summary>Clients on the Azurite shared by the test run, with table names unique to the calling test class.</summary>
internal static class AzuriteTables
{
    public static async Task<TableServiceClient> ServiceAsync(TableClientOptions? options = null) =>
        new(await AzuriteServer.Shared(), options ?? StorageClientOptions.Create());

    public static string UniqueName(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..12];

    public static async Task<TableClient> CreateTableAsync(TableServiceClient service)
    {
        var table = service.GetTableClient(UniqueName());
        await table.CreateIfNotExistsAsync(TestContext.Current.CancellationToken);
        return table;
    }
}
