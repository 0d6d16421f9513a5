using System.Runtime.CompilerServices;
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
    public override IAsyncEnumerable<Page<TableEntity>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        Pages(continuationToken, pageSizeHint, CancellationToken.None);

    public override async IAsyncEnumerator<TableEntity> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in Pages(null, null, cancellationToken).ConfigureAwait(false))
        {
            foreach (var entity in page.Values)
            {
                yield return entity;
            }
        }
    }

    // Both the token given to QueryAsync and the one given to the enumerator (WithCancellation, ToListAsync(token)) stop the query.
    private async IAsyncEnumerable<Page<TableEntity>> Pages(string? continuationToken, int? pageSizeHint, [EnumeratorCancellation] CancellationToken enumeratorToken)
    {
        var pageSize = pageSizeHint ?? maxPerPage;
        if (pageSize is <= 0 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSizeHint), pageSize, "A page holds 1 to 1,000 entities.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(CancellationToken, enumeratorToken);
        var next = TableContinuationToken.Parse(continuationToken);
        do
        {
            var page = await fetchPage(next, pageSize, linked.Token).ConfigureAwait(false);
            yield return page;
            next = TableContinuationToken.Parse(page.ContinuationToken);
        }
        while (next is not null);
    }
}
