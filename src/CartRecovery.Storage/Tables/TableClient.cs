using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// One table of the Azure Table service over its REST API: Shared Key (account key, Azurite) or an Azure.Core
/// <c>TokenCredential</c> (managed identity), JSON, ETag concurrency, paged queries and entity group transactions,
/// with Polly retries on transient failures. Its surface follows Azure.Data.Tables' <c>TableClient</c>.
/// Failures throw <see cref="RequestFailedException"/> (<see cref="TableConcurrencyException"/> for lost races,
/// <see cref="TableTransactionFailedException"/> for rolled-back transactions); invalid keys throw <see cref="ArgumentException"/>
/// before any request is sent.
/// </summary>
public sealed class TableClient
{
    public string Name => throw new NotImplementedException();

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    public Task DeleteAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Inserts; throws <see cref="TableConcurrencyException"/> (409) when the entity exists. Returns the new ETag.</summary>
    public Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Insert-or-merge / insert-or-replace, unconditional. Returns the new ETag.</summary>
    public Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Conditional update: <paramref name="ifMatch"/> is the ETag read earlier (or <see cref="ETag.All"/>). A stale ETag throws <see cref="TableConcurrencyException"/> (412).</summary>
    public Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads one entity; a missing one throws <see cref="RequestFailedException"/> with status 404.</summary>
    public Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Reads one entity, or null when there is none.</summary>
    public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Deletes one entity; default <paramref name="ifMatch"/> deletes unconditionally. A missing entity is not an error (as in Azure.Data.Tables).</summary>
    public Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// Queries with an OData <paramref name="filter"/> (build it with <see cref="CreateQueryFilter"/> so values are escaped).
    /// Follows continuation tokens, so enumerating returns every match; <c>AsPages(continuationToken, pageSize)</c> pages explicitly.
    /// </summary>
    public AsyncPageable<TableEntity> QueryAsync(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Runs up to 100 actions on one partition atomically. Returns the ETag of each action in order; on failure nothing is applied.</summary>
    public Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>
    /// Builds an OData filter from an interpolated string, formatting and escaping each value by its type
    /// (as Azure.Data.Tables' <c>TableClient.CreateQueryFilter</c>): <c>$"PartitionKey eq {shop} and Count gt {n}"</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter) => throw new NotImplementedException();
}
