namespace CartRecovery.Storage.Tables;

/// <summary>
/// Where a query resumes: the service's <c>x-ms-continuation-NextPartitionKey</c> and <c>-NextRowKey</c>. As a string it is
/// <c>"{NextPartitionKey} {NextRowKey}"</c>, the format Azure.Data.Tables uses, so tokens survive a swap of clients.
/// The parts are opaque tokens of the service (never raw keys), which contain no spaces.
/// </summary>
internal sealed record TableContinuationToken(string NextPartitionKey, string? NextRowKey)
{
    public static TableContinuationToken? FromResponse(HttpResponseMessage response)
    {
        var partition = Header(response, "x-ms-continuation-NextPartitionKey");
        return partition is null ? null : new TableContinuationToken(partition, Header(response, "x-ms-continuation-NextRowKey"));
    }

    /// <summary>Reads a token made by <see cref="ToString"/>; null or empty means "from the start".</summary>
    public static TableContinuationToken? Parse(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var space = token.IndexOf(' ', StringComparison.Ordinal);
        return space < 0
            ? new TableContinuationToken(token, null)
            : new TableContinuationToken(token[..space], token[(space + 1)..] is { Length: > 0 } row ? row : null);
    }

    public string ToQuery() => NextRowKey is null
        ? "NextPartitionKey=" + Uri.EscapeDataString(NextPartitionKey)
        : "NextPartitionKey=" + Uri.EscapeDataString(NextPartitionKey) + "&NextRowKey=" + Uri.EscapeDataString(NextRowKey);

    public override string ToString() => NextRowKey is null ? NextPartitionKey : NextPartitionKey + " " + NextRowKey;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
