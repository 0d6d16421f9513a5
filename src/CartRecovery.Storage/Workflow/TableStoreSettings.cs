using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Data.Tables;
using CartRecovery.Core.Workflow;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Workflow;

/// <summary>Per-store recovery settings in the <c>StoreSettings</c> table (one row per store, the whole configuration as JSON, replaced at once).</summary>
/// <remarks>
/// Reads are cached per store for <see cref="CacheFor"/> (a burst of abandonments reads once); a save through this instance
/// updates its cache at once, another process sees it within that time.
/// </remarks>
public sealed class TableStoreSettings(StorageTables tables, TimeProvider? timeProvider = null, RecoverySettings? defaults = null) : IStoreSettings
{
    public const string TableName = "StoreSettings";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private const string RowKey = "recovery";
    private readonly TimeProvider time = timeProvider ?? TimeProvider.System;
    private readonly RecoverySettings unsaved = defaults ?? RecoveryPresets.Defaults;
    private readonly ConcurrentDictionary<string, (RecoverySettings Settings, DateTimeOffset Until)> cache = new(StringComparer.Ordinal);

    public async Task<RecoverySettings> GetAsync(string shop, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(shop, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.Settings;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync(shop, RowKey, cancellationToken: cancellationToken);
        var settings = row?.GetString("Settings") is { } json
            ? JsonSerializer.Deserialize<RecoverySettings>(json, WorkflowJson.Options) ?? unsaved
            : unsaved;
        cache[shop] = (settings, time.GetUtcNow() + CacheFor);
        return settings;
    }

    public async Task SaveAsync(string shop, RecoverySettings settings, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = new TableEntity(shop, RowKey) { ["Settings"] = JsonSerializer.Serialize(settings, WorkflowJson.Options) };
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        cache[shop] = (settings, time.GetUtcNow() + CacheFor);
    }
}
