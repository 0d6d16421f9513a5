using Azure;

namespace CartRecovery.Storage.Tables;

/// <summary>An entity group transaction was rolled back; <see cref="FailedTransactionActionIndex"/> is the action that failed (as in Azure.Data.Tables).</summary>
public sealed class TableTransactionFailedException : RequestFailedException
{
    public TableTransactionFailedException(int status, string message, string? errorCode, int? failedTransactionActionIndex)
        : base(status, message, errorCode, null)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    public int? FailedTransactionActionIndex { get; }
}
