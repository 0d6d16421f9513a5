using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using CartRecovery.Core.Experiments;
using CartRecovery.Storage.Serialization;
using CartRecovery.Storage.Tables;

namespace CartRecovery.Storage.Experiments;

/// <summary><see cref="IExperimentRepository"/> on the <c>Experiments</c> table: a partition per shop, a row per experiment (JSON).</summary>
public sealed class TableExperimentRepository(StorageTables tables) : IExperimentRepository
{
    public const string TableName = "Experiments";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<Experiment>> ListAsync(string shop, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var list = new List<Experiment>();
        await foreach (var row in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {shop}"), cancellationToken: cancellationToken))
        {
            list.Add(Read(row));
        }

        return [.. list.OrderBy(e => e.CreatedAt)];
    }

    public async Task<Experiment?> GetAsync(string shop, string id, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var row = await table.GetEntityIfExistsAsync(shop, KeyEscaping.Escape(id), cancellationToken: cancellationToken);
        return row is null ? null : Read(row);
    }

    public async Task SaveAsync(Experiment experiment, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(experiment.Shop, KeyEscaping.Escape(experiment.Id)) { ["Json"] = JsonSerializer.Serialize(experiment, Json) }, TableUpdateMode.Replace, cancellationToken);
    }

    private static Experiment Read(TableEntity row) => JsonSerializer.Deserialize<Experiment>(row.GetString("Json"), Json) ?? throw new InvalidDataException("An experiment row holds null.");
}
