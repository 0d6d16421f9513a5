using System.Collections.Concurrent;
using Azure.Data.Tables;
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

    /// <summary>A client for a table known to exist (listed just now) that, unlike <see cref="GetAsync"/>, never creates it.</summary>
    public TableClient GetExisting(string logicalName) => service.GetTableClient(options.Value.TablePrefix + logicalName);

    /// <summary>
    /// The logical names of the existing tables whose logical name starts with <paramref name="logicalPrefix"/>, up to and
    /// including <paramref name="through"/> when given, in order.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListAsync(string logicalPrefix, string? through = null, CancellationToken cancellationToken = default)
    {
        var prefix = options.Value.TablePrefix;
        var names = await service.GetTableNamesAsync(prefix + logicalPrefix, through is null ? null : prefix + through, cancellationToken);
        return [.. names.Select(name => name[prefix.Length..])];
    }

    /// <summary>Deletes the table (a missing one is not an error); a later <see cref="GetAsync"/> creates it again.</summary>
    public async Task DeleteAsync(string logicalName, CancellationToken cancellationToken = default)
    {
        tables.TryRemove(logicalName, out _);
        await service.GetTableClient(options.Value.TablePrefix + logicalName).DeleteAsync(cancellationToken);
    }

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
