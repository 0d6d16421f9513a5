using System.Collections.Concurrent;
using CartRecovery.Storage.Tables;
using Microsoft.Extensions.Options;

namespace CartRecovery.Storage;

/// <summary>The product's tables by logical name (e.g. "Carts" is <c>{prefix}Carts</c>), each created on first use and then cached.</summary>
public sealed class StorageTables(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> tables = new(StringComparer.Ordinal);

    public TableServiceClient Service => service;

    public Task<TableClient> GetAsync(string logicalName, CancellationToken cancellationToken = default) =>
        tables.GetOrAdd(logicalName, name => new Lazy<Task<TableClient>>(() => CreateAsync(name))).Value.WaitAsync(cancellationToken);

    private async Task<TableClient> CreateAsync(string logicalName)
    {
        var table = service.GetTableClient(options.Value.TablePrefix + logicalName);
        try
        {
            await table.CreateIfNotExistsAsync();
        }
        catch
        {
            tables.TryRemove(logicalName, out _); // a failed creation (storage down) is retried on the next use
            throw;
        }

        return table;
    }
}
