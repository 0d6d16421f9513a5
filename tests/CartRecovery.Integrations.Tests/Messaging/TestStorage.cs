using Azure.Data.Tables;
using CartRecovery.Storage;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;
using Microsoft.Extensions.Options;

namespace CartRecovery.Integrations.Tests.Messaging;

/// <summary>Tables on the shared Azurite, with a prefix of their own.</summary>
internal static class TestStorage
{
    public static async Task<StorageTables> TablesAsync() =>
        new(new TableServiceClient(await AzuriteServer.Shared()), Options.Create(new StorageOptions { TablePrefix = "t" + Guid.NewGuid().ToString("N")[..10] }));
}
