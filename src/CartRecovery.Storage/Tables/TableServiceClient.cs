using Azure.Core;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// The Table service of one storage account. Built from a connection string (<c>UseDevelopmentStorage=true</c>,
/// <c>AccountName=…;AccountKey=…</c>, explicit <c>TableEndpoint=</c>) or from an endpoint and a <see cref="TokenCredential"/>.
/// Holds the one pooled HTTP connection set shared by its <see cref="TableClient"/>s.
/// </summary>
public sealed class TableServiceClient : IDisposable
{
    private readonly TableHttpPipeline pipeline;

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
    {
        var parsed = TableConnectionString.Parse(connectionString);
        options ??= new TableClientOptions();
        AccountName = parsed.AccountName;
        pipeline = new TableHttpPipeline(parsed.TableEndpoint, new SharedKeyLiteAuthorizer(parsed.AccountName, parsed.AccountKey, options.TimeProvider), options);
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        options ??= new TableClientOptions();
        var tableEndpoint = TableConnectionString.ParseEndpoint(endpoint.OriginalString, nameof(endpoint));
        AccountName = tableEndpoint.Host.Split('.')[0];
        pipeline = new TableHttpPipeline(tableEndpoint, new TokenCredentialAuthorizer(credential, options.TimeProvider), options);
    }

    public Uri Uri => pipeline.Endpoint;

    /// <summary>The storage account's name (for a token credential: the first label of the endpoint's host).</summary>
    public string AccountName { get; }

    /// <summary>A client for <paramref name="tableName"/>; throws <see cref="ArgumentException"/> for a name the service would refuse.</summary>
    public TableClient GetTableClient(string tableName) => new(pipeline, tableName);

    /// <summary>Checks that the service answers and the credentials are accepted (used by the health endpoint).</summary>
    /// <remarks>One attempt, no retries: a health check reports the state now, and its caller polls again.</remarks>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        var request = new TableRequest(HttpMethod.Get, pipeline.ResourceUri("Tables?$top=1"));
        using var response = await pipeline.SendAsync(request, cancellationToken, retry: false).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await TableErrors.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The names of the tables that start with <paramref name="prefix"/>, up to and including <paramref name="through"/> when
    /// given, in order (every page of the listing).
    /// </summary>
    public Task<IReadOnlyList<string>> GetTableNamesAsync(string prefix, string? through = null, CancellationToken cancellationToken = default) =>
        GetTableNamesAsync(prefix, through, pageSize: null, cancellationToken);

    internal async Task<IReadOnlyList<string>> GetTableNamesAsync(string prefix, string? through, int? pageSize, CancellationToken cancellationToken)
    {
        if (through is not null && !through.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The last name must start with the prefix '{prefix}'.", nameof(through));
        }

        // Table names are letters and digits, so every name with the prefix sorts below the prefix followed by '{'.
        var range = through is null
            ? TableQueryFilter.Create($"TableName ge {prefix} and TableName lt {prefix + "{"}")
            : TableQueryFilter.Create($"TableName ge {prefix} and TableName le {through}");
        var filter = "$filter=" + Uri.EscapeDataString(range) + (pageSize is { } top ? "&$top=" + top : "");
        var names = new List<string>();
        string? next = null;
        do
        {
            var query = next is null ? filter : filter + "&NextTableName=" + Uri.EscapeDataString(next);
            using var response = await pipeline.SendAsync(new TableRequest(HttpMethod.Get, pipeline.ResourceUri("Tables?" + query)), cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await TableErrors.ToExceptionAsync(response, cancellationToken).ConfigureAwait(false);
            }

            using var document = await TableClient.ReadJsonAsync(response, cancellationToken).ConfigureAwait(false);
            foreach (var table in document.RootElement.GetProperty("value").EnumerateArray())
            {
                names.Add(table.GetProperty("TableName").GetString()!);
            }

            next = response.Headers.TryGetValues("x-ms-continuation-NextTableName", out var values) ? values.FirstOrDefault() : null;
        }
        while (!string.IsNullOrEmpty(next));

        return names;
    }

    /// <summary>Closes the pooled connections; the DI container calls it when the host stops.</summary>
    public void Dispose() => pipeline.Dispose();
}
