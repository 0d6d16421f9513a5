using System.Text.Json;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Workflow;

/// <summary>Per-store recovery settings in the <c>StoreSettings</c> table (one row per store, the whole configuration as JSON, replaced at once).</summary>
public sealed class TableStoreSettings(StorageTables tables) : IStoreSettings
{
    public const string TableName = "StoreSettings";
    private const string RowKey = "recovery";

    public async Task<RecoverySettings> GetAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync(shop, RowKey, cancellationToken: cancellationToken);
        return row?.GetString("Settings") is { } json
            ? JsonSerializer.Deserialize<RecoverySettings>(json, WorkflowJson.Options) ?? RecoveryPresets.Defaults
            : RecoveryPresets.Defaults;
    }

    public async Task SaveAsync(string shop, RecoverySettings settings, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = new TableEntity(shop, RowKey) { ["Settings"] = JsonSerializer.Serialize(settings, WorkflowJson.Options) };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}
