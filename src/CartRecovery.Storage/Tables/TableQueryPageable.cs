using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// The results of a query, page by page as the service returns them (at most 1,000 entities, or <c>$top</c>, per page).
/// Enumerating it follows every continuation, including empty pages that still carry one; <see cref="AsPages"/>
/// resumes from an opaque token and yields the token of the next page.
/// </summary>
internal sealed class TableQueryPageable(
    Func<TableContinuationToken?, int?, CancellationToken, Task<Page<TableEntity>>> fetchPage,
    int? maxPerPage,
    CancellationToken cancellationToken) : AsyncPageable<TableEntity>(cancellationToken)
{
    public override async IAsyncEnumerable<Page<TableEntity>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
    {
        var next = TableContinuationToken.Parse(continuationToken);
        do
        {
            var page = await fetchPage(next, pageSizeHint ?? maxPerPage, CancellationToken).ConfigureAwait(false);
            yield return page;
            next = TableContinuationToken.Parse(page.ContinuationToken);
        }
        while (next is not null);
    }
}
