using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>An entity of the Table service: its keys, the server's timestamp, and the ETag for optimistic concurrency (as in Azure.Data.Tables).</summary>
public interface ITableEntity
{
    string PartitionKey { get; set; }

    string RowKey { get; set; }

    DateTimeOffset? Timestamp { get; set; }

    ETag ETag { get; set; }
}
