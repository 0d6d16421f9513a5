namespace CartRecovery.Storage.Tables;

/// <summary>Adds the date and the credentials to a request just before it is sent (once per attempt, so retries are signed afresh).</summary>
internal interface ITableRequestAuthorizer
{
    ValueTask AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
