using Azure.Core;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// The Table service of one storage account. Built from a connection string (<c>UseDevelopmentStorage=true</c>,
/// <c>AccountName=…;AccountKey=…</c>, explicit <c>TableEndpoint=</c>) or from an endpoint and a <see cref="TokenCredential"/>.
/// Holds the one pooled HTTP connection set shared by its <see cref="TableClient"/>s.
/// </summary>
public sealed class TableServiceClient
{
    public TableServiceClient(string connectionString, TableClientOptions? options = null) => throw new NotImplementedException();

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null) => throw new NotImplementedException();

    public Uri Uri => throw new NotImplementedException();

    public TableClient GetTableClient(string tableName) => throw new NotImplementedException();

    /// <summary>Checks that the service answers and the credentials are accepted (used by the health endpoint).</summary>
    public Task PingAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();
}
