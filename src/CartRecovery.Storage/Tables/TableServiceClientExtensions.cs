using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace CartRecovery.Storage.Tables;

/// <summary>What the product asks of the Table service beyond one table: a bounded listing of table names and a health ping.</summary>
public static class TableServiceClientExtensions
{
    /// <summary>
    /// The names of the tables that start with <paramref name="prefix"/>, up to and including <paramref name="through"/> when
    /// given, in order (every page of the listing).
    /// </summary>
    public static Task<IReadOnlyList<string>> GetTableNamesAsync(
        this TableServiceClient service, string prefix, string? through = null, CancellationToken cancellationToken = default) =>
        GetTableNamesAsync(service, prefix, through, pageSize: null, cancellationToken);

    internal static async Task<IReadOnlyList<string>> GetTableNamesAsync(
        this TableServiceClient service, string prefix, string? through, int? pageSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (through is not null && !through.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The last name must start with the prefix '{prefix}'.", nameof(through));
        }

        // Table names are letters and digits, so every name with the prefix sorts below the prefix followed by '{'.
        var range = through is null
            ? TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "{"}")
            : TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName le {through}");
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(range, pageSize, cancellationToken).ConfigureAwait(false))
        {
            names.Add(table.Name);
        }

        return names;
    }

    /// <summary>Checks that the service answers and the credentials are accepted (used by the health endpoint).</summary>
    /// <remarks>One attempt, no retries (see <see cref="TableRetryPolicy"/>): a health check reports the state now, and its caller polls again.</remarks>
    public static async Task PingAsync(this TableServiceClient service, CancellationToken cancellationToken = default)
    {
        using var scope = HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?> { [TableRetryPolicy.SingleAttempt] = true });
        await foreach (var _ in service.QueryAsync(filter: (string?)null, maxPerPage: 1, cancellationToken).AsPages().ConfigureAwait(false))
        {
            return;
        }
    }
}
