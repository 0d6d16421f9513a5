using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>Constants and small encoders of the Table service REST protocol.</summary>
internal static class TableProtocol
{
    /// <summary>The REST version Azure.Data.Tables uses by default; 2019-02-02 or later is needed for OAuth tokens.</summary>
    public const string ServiceVersion = "2019-02-02";

    public const string DataServiceVersion = "3.0;NetFx";

    /// <summary>Minimal metadata: per-entity ETags and type annotations for types JSON cannot carry (Int64, DateTime, Guid, Binary).</summary>
    public const string AcceptJson = "application/json;odata=minimalmetadata";

    public const int MaxKeyBytes = 1024;

    public const int MaxTransactionActions = 100;

    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    /// <summary>A key inside a URL: single quotes doubled (OData), then percent-encoded.</summary>
    public static string EncodeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        string.Concat(table, "(PartitionKey='", EncodeKey(partitionKey), "',RowKey='", EncodeKey(rowKey), "')");

    /// <summary>An ETag as an If-Match value: "*" and quoted ETags verbatim, a bare value quoted.</summary>
    public static string IfMatchValue(ETag etag)
    {
        var value = etag.ToString();
        return value == "*" || value.StartsWith('"') || value.StartsWith("W/\"", StringComparison.Ordinal) ? value : '"' + value + '"';
    }

    public static string? JoinSelect(IEnumerable<string>? select) =>
        select is null ? null : string.Join(',', select.Select(Uri.EscapeDataString)) is { Length: > 0 } joined ? joined : null;
}
