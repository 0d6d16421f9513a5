namespace CartRecovery.Storage.Tables;

/// <summary>The operations an entity group transaction may hold (as in Azure.Data.Tables).</summary>
public enum TableTransactionActionType
{
    Add,
    UpdateMerge,
    UpdateReplace,
    Delete,
    UpsertMerge,
    UpsertReplace,
}
