namespace CartRecovery.Storage.Tables;

/// <summary>Merge updates only the supplied properties; Replace replaces the whole entity (as in Azure.Data.Tables).</summary>
public enum TableUpdateMode
{
    Merge,
    Replace,
}
