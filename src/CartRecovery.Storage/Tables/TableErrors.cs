using Azure;
using Azure.Data.Tables;

namespace CartRecovery.Storage.Tables;

/// <summary>Reads Azure.Data.Tables' failures the way the repositories decide on them.</summary>
public static class TableErrors
{
    /// <summary>
    /// A single conditional write lost a race: the entity changed since its ETag was read (412), or an insert found it already
    /// there (409). Other 409s (a table being deleted) and rolled-back transactions (<see cref="TableTransactionFailedException"/>,
    /// which callers handle by the failed action) are not.
    /// </summary>
    public static bool IsLostRace(this RequestFailedException error) =>
        error is not TableTransactionFailedException
        && error.Status is 409 or 412
        && error.ErrorCode is null or "EntityAlreadyExists" or "UpdateConditionNotSatisfied" or "ConditionNotMet";

    /// <summary>The error a repository reports when it kept losing races and gave up.</summary>
    public static RequestFailedException LostRace(string message) => new(412, message, "UpdateConditionNotSatisfied", null);
}
