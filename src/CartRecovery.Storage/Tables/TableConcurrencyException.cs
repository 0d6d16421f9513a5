using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>
/// A conditional write lost a race: the entity changed since its ETag was read (412), or an insert found it already there (409).
/// The caller re-reads and decides; nothing was overwritten.
/// </summary>
public sealed class TableConcurrencyException : RequestFailedException
{
    public TableConcurrencyException(int status, string message, string? errorCode)
        : base(status, message, errorCode, null)
    {
    }
}
