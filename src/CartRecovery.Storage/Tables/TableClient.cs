using System.Net;
using System.Text;
using System.Text.Json;
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
    private readonly TableHttpPipeline pipeline;
    private readonly Uri tableUri;
    private readonly Uri queryUri;
    private readonly string entityPrefix;

    internal TableClient(TableHttpPipeline pipeline, string tableName)
    {
        TableKeys.ValidateTableName(tableName);
        this.pipeline = pipeline;
        Name = tableName;
        tableUri = pipeline.ResourceUri(tableName);
        queryUri = pipeline.ResourceUri(tableName + "()");
        entityPrefix = pipeline.EndpointPrefix;
    }

    public string Name { get; }

    /// <summary>The table's URL, e.g. <c>http://127.0.0.1:10002/devstoreaccount1/carts</c>.</summary>
    public Uri Uri => tableUri;

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        var body = Encoding.UTF8.GetBytes("{\"TableName\":\"" + Name + "\"}"); // the name is letters and digits only
        var request = new TableRequest(HttpMethod.Post, pipeline.ResourceUri("Tables")) { Body = body, PreferNoContent = true };
        using var response = await pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var error = await TableErrors.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        if (error.Status == (int)HttpStatusCode.Conflict && error.ErrorCode == "TableAlreadyExists")
        {
            return;
        }

        throw error;
    }

    /// <summary>Deletes the table; a missing table is not an error.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        var request = new TableRequest(HttpMethod.Delete, pipeline.ResourceUri("Tables('" + Name + "')"));
        using var response = await pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw await TableErrors.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts; throws <see cref="TableConcurrencyException"/> (409) when the entity exists. Returns the new ETag.</summary>
    public async Task<ETag> AddEntityAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        var request = new TableRequest(HttpMethod.Post, tableUri) { Body = TableEntityJson.Serialize(entity), PreferNoContent = true };
        return await SendWriteAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Insert-or-merge / insert-or-replace, unconditional. Returns the new ETag.</summary>
    public async Task<ETag> UpsertEntityAsync(TableEntity entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        var request = new TableRequest(WriteMethod(mode), EntityUri(entity.PartitionKey, entity.RowKey)) { Body = TableEntityJson.Serialize(entity) };
        return await SendWriteAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Conditional update: <paramref name="ifMatch"/> is the ETag read earlier (or <see cref="ETag.All"/>). A stale ETag throws <see cref="TableConcurrencyException"/> (412).</summary>
    public async Task<ETag> UpdateEntityAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
    {
        ValidateEntity(entity);
        if (ifMatch == default)
        {
            throw new ArgumentException("An update needs the ETag read earlier, or ETag.All to overwrite whatever is stored.", nameof(ifMatch));
        }

        var request = new TableRequest(WriteMethod(mode), EntityUri(entity.PartitionKey, entity.RowKey))
        {
            Body = TableEntityJson.Serialize(entity),
            IfMatch = TableProtocol.IfMatchValue(ifMatch),
        };
        return await SendWriteAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads one entity; a missing one throws <see cref="RequestFailedException"/> with status 404.</summary>
    public async Task<TableEntity> GetEntityAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        await GetEntityIfExistsAsync(partitionKey, rowKey, select, throwIfMissing: true, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException("unreachable: a missing entity throws");

    /// <summary>Reads one entity, or null when there is none.</summary>
    public Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        GetEntityIfExistsAsync(partitionKey, rowKey, select, throwIfMissing: false, cancellationToken);

    /// <summary>Deletes one entity; default <paramref name="ifMatch"/> deletes unconditionally. A missing entity is not an error (as in Azure.Data.Tables).</summary>
    public async Task DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableKeys.ValidateKeys(partitionKey, rowKey);
        var request = new TableRequest(HttpMethod.Delete, EntityUri(partitionKey, rowKey))
        {
            IfMatch = ifMatch == default ? "*" : TableProtocol.IfMatchValue(ifMatch),
        };
        using var response = await pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
        {
            throw await TableErrors.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Queries with an OData <paramref name="filter"/> (build it with <see cref="CreateQueryFilter"/> so values are escaped).
    /// Follows continuation tokens, so enumerating returns every match; <c>AsPages(continuationToken, pageSize)</c> pages explicitly.
    /// </summary>
    public AsyncPageable<TableEntity> QueryAsync(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        if (maxPerPage is <= 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1,000 entities.");
        }

        var fixedQuery = QueryString(filter, TableProtocol.JoinSelect(select));
        return new TableQueryPageable((next, pageSize, token) => FetchPageAsync(fixedQuery, next, pageSize, token), maxPerPage, cancellationToken);
    }

    /// <summary>Runs up to 100 actions on one partition atomically. Returns the ETag of each action in order; on failure nothing is applied.</summary>
    public async Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        var batch = TableBatch.Create(this, actions);
        var request = new TableRequest(HttpMethod.Post, pipeline.ResourceUri("$batch")) { Body = batch.Body, ContentType = batch.ContentType };
        using var response = await pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await TableErrors.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return await TableBatchResponse.ReadAsync(response, batch.Count, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds an OData filter from an interpolated string, formatting and escaping each value by its type
    /// (as Azure.Data.Tables' <c>TableClient.CreateQueryFilter</c>): <c>$"PartitionKey eq {shop} and Count gt {n}"</c>.
    /// </summary>
    public static string CreateQueryFilter(FormattableString filter) => TableQueryFilter.Create(filter);

    /// <summary>The absolute URL of an entity (also used inside batches, whose parts address entities by absolute URL).</summary>
    internal Uri EntityUri(string partitionKey, string rowKey) => new(entityPrefix + TableProtocol.EntityPath(Name, partitionKey, rowKey));

    internal static HttpMethod WriteMethod(TableUpdateMode mode) => mode switch
    {
        TableUpdateMode.Merge => TableRequest.Merge,
        TableUpdateMode.Replace => HttpMethod.Put,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Merge or Replace."),
    };

    internal static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        TableKeys.ValidateKeys(entity.PartitionKey, entity.RowKey);
    }

    private async Task<TableEntity?> GetEntityIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select, bool throwIfMissing, CancellationToken cancellationToken)
    {
        TableKeys.ValidateKeys(partitionKey, rowKey);
        var uri = EntityUri(partitionKey, rowKey);
        if (TableProtocol.JoinSelect(select) is { } columns)
        {
            uri = new Uri(uri.AbsoluteUri + "?$select=" + columns);
        }

        using var response = await pipeline.SendAsync(new TableRequest(HttpMethod.Get, uri), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound && !throwIfMissing)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await TableErrors.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }

        using var document = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var entity = TableEntityJson.Read(document.RootElement);
        if (RawETag(response) is { } etag)
        {
            entity.ETag = etag;
        }

        return entity;
    }

    private async Task<ETag> SendWriteAsync(TableRequest request, CancellationToken cancellationToken)
    {
        using var response = await pipeline.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await TableErrors.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }

        return RawETag(response) ?? default;
    }

    // Verbatim, as the service sent it, so it goes back unchanged in If-Match.
    private static ETag? RawETag(HttpResponseMessage response) =>
        response.Headers.TryGetValues("ETag", out var values) && values.FirstOrDefault() is { Length: > 0 } etag ? new ETag(etag) : null;

    private async Task<Page<TableEntity>> FetchPageAsync(string fixedQuery, TableContinuationToken? next, int? pageSize, CancellationToken cancellationToken)
    {
        var query = new StringBuilder(queryUri.AbsoluteUri, 256);
        var separator = '?';
        foreach (var part in (ReadOnlySpan<string?>)[fixedQuery, pageSize is { } top ? "$top=" + top : null, next?.ToQuery()])
        {
            if (!string.IsNullOrEmpty(part))
            {
                query.Append(separator).Append(part);
                separator = '&';
            }
        }

        using var response = await pipeline.SendAsync(new TableRequest(HttpMethod.Get, new Uri(query.ToString())), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await TableErrors.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }

        using var document = await ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
        var entities = new List<TableEntity>();
        if (document.RootElement.TryGetProperty("value", out var values))
        {
            entities.Capacity = values.GetArrayLength();
            foreach (var value in values.EnumerateArray())
            {
                entities.Add(TableEntityJson.Read(value));
            }
        }

        return Page<TableEntity>.FromValues(entities, TableContinuationToken.FromResponse(response)?.ToString(), new TableResponse(response));
    }

    // The body is already buffered; reading it as a stream parses it in place instead of copying it to a new array.
    internal static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static string QueryString(string? filter, string? select)
    {
        var parts = new List<string>(2);
        if (!string.IsNullOrWhiteSpace(filter))
        {
            parts.Add("$filter=" + Uri.EscapeDataString(filter));
        }

        if (select is not null)
        {
            parts.Add("$select=" + select);
        }

        return string.Join('&', parts);
    }
}
