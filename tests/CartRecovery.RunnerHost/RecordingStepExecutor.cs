using Azure;
using Azure.Data.Tables;
using CartRecovery.Core.Messaging;
using CartRecovery.Storage;
using CartRecovery.Storage.Tables;

namespace CartRecovery.RunnerHost;

/// <summary>
/// A test step executor that behaves like a real idempotent one: every call is logged in <c>StepCalls</c>; the effect (the
/// "send") is inserted once per idempotency key in <c>StepEffects</c>, and a repeated key returns the first outcome without a
/// second effect. Tests count calls (how often the engine asked) and effects (what a customer would have received).
/// Options: <see cref="EffectDelay"/> widens the window between call and effect so kills land mid-step;
/// <see cref="AlwaysFailStepId"/> makes one step throw on every attempt.
/// </summary>
public sealed class RecordingStepExecutor(StorageTables tables, TimeProvider time) : IStepExecutor
{
    public const string CallsTable = "StepCalls";
    public const string EffectsTable = "StepEffects";

    public TimeSpan EffectDelay { get; init; }

    public string? AlwaysFailStepId { get; init; }

    public async Task<StepOutcome> ExecuteAsync(StepRequest request, CancellationToken cancellationToken)
    {
        var key = SafeKey(request.IdempotencyKey);
        var calls = await tables.GetAsync(CallsTable, cancellationToken);
        await calls.AddEntityAsync(new TableEntity(key, $"{time.GetUtcNow().UtcTicks:D19}-{Guid.NewGuid():N}") { ["WorkflowId"] = request.WorkflowId, ["StepId"] = request.StepId }, cancellationToken);
        if (request.StepId == AlwaysFailStepId)
        {
            throw new HttpRequestException("provider unavailable (injected)");
        }

        if (EffectDelay > TimeSpan.Zero)
        {
            await Task.Delay(EffectDelay, time, cancellationToken);
        }

        var effects = await tables.GetAsync(EffectsTable, cancellationToken);
        var messageId = "msg-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            await effects.AddEntityAsync(
                new TableEntity(request.WorkflowId, key)
                {
                    ["StepId"] = request.StepId,
                    ["StepIndex"] = request.StepIndex,
                    ["Channel"] = request.Channel.ToString(),
                    ["MessageId"] = messageId,
                    ["AtTicks"] = time.GetUtcNow().UtcTicks,
                },
                cancellationToken);
            return StepOutcome.Sent(messageId);
        }
        catch (RequestFailedException e) when (e.IsLostRace())
        {
            var first = await effects.GetEntityAsync(request.WorkflowId, key, cancellationToken: cancellationToken);
            return StepOutcome.Sent(first.GetString("MessageId")!);
        }
    }

    /// <summary>Nothing of the step is left unfinished here (an effect is written whole or not at all): the step ends failed.</summary>
    public Task<StepOutcome> GiveUpAsync(StepRequest request, string reason, CancellationToken cancellationToken) =>
        Task.FromResult(StepOutcome.Failed(reason));

    /// <summary>Calls per idempotency key across the run's recoveries: how often an engine asked for each message.</summary>
    public static async Task<IReadOnlyDictionary<string, int>> CallsPerKeyAsync(StorageTables tables)
    {
        var table = await tables.GetAsync(CallsTable);
        var counts = new Dictionary<string, int>();
        await foreach (var row in table.QueryAsync(select: ["PartitionKey"]))
        {
            counts[row.PartitionKey] = counts.GetValueOrDefault(row.PartitionKey) + 1;
        }

        return counts;
    }

    /// <summary>Idempotency keys contain '/', which a table key may not.</summary>
    public static string SafeKey(string idempotencyKey) => idempotencyKey.Replace('/', '|');
}
