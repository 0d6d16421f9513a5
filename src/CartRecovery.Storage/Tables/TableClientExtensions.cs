using Azure;
using Azure.Data.Tables;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// Schemaless forms of Azure.Data.Tables' generic reads. The repositories work with <see cref="TableEntity"/> everywhere, so
/// these spare every call site the type argument, and a missing entity is a null rather than a <see cref="NullableResponse{T}"/>.
/// </summary>
public static class TableClientExtensions
{
    /// <summary>Every entity matching <paramref name="filter"/> (build it with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>); continuation tokens are followed.</summary>
    public static AsyncPageable<TableEntity> QueryAsync(
        this TableClient table, string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        table.QueryAsync<TableEntity>(filter, maxPerPage, select, cancellationToken);

    /// <summary>One entity; a missing one throws <see cref="RequestFailedException"/> with status 404.</summary>
    public static async Task<TableEntity> GetEntityAsync(
        this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>One entity, or null when there is none.</summary>
    public static async Task<TableEntity?> GetEntityIfExistsAsync(
        this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>The ETag the service gave a write (verbatim, so it goes back unchanged in If-Match).</summary>
    public static ETag NewETag(this Response response) =>
        response.Headers.ETag ?? throw new InvalidOperationException("The Table service answered a write without an ETag.");
}
