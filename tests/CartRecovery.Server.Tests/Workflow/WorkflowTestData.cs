using Azure.Data.Tables;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.RunnerHost;
using CartRecovery.Storage;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;

namespace CartRecovery.Server.Tests.Workflow;

/// <summary>Carts, a short store configuration, and readers for what the recording executor saw.</summary>
internal static class WorkflowTestData
{
    public const string Shop = "demo.myshopify.com";

    /// <summary>Three steps at 1, 2 and 3 hours; with a time scale of 3600 they fall due 1, 2 and 3 seconds after abandonment.</summary>
    public static RecoverySettings ThreeSteps { get; } = RecoveryPresets.Defaults with
    {
        Expiry = TimeSpan.FromDays(7), // 168 s at a time scale of 3600: ample for a loaded machine, where a runner restart takes seconds
        Sequences = new Dictionary<string, IReadOnlyList<StepDefinition>>
        {
            [SequenceKeys.Default] =
            [
                new("s1", TimeSpan.FromHours(1), Channel.Email, MessageIntent.HelpfulReminder),
                new("s2", TimeSpan.FromHours(2), Channel.Popup, MessageIntent.SocialProof),
                new("s3", TimeSpan.FromHours(3), Channel.Email, MessageIntent.Scarcity),
            ],
        },
    };

    public static Dictionary<string, string?> FastRunnerSettings() => new()
    {
        ["Recovery:TimeScale"] = "3600",
        ["Recovery:StepMaxAttempts"] = "3",
        ["Recovery:StepFirstRetryDelay"] = "00:00:00.050",
        ["Recovery:StepMaxRetryDelay"] = "00:00:00.200",
        ["Recovery:Runner:PollInterval"] = "00:00:00.200",
    };

    public static CartSnapshot Cart(string cartKey, string email = "shopper@example.com", long? customerId = null, string shop = Shop) =>
        new(
            shop,
            cartKey,
            CartKind.Checkout,
            null,
            cartKey,
            customerId is null ? null : new CustomerSnapshot(customerId, "Ada", null, 1, 50m),
            new ContactInfo(email, null, ConsentState.Subscribed, ConsentState.Unknown),
            "EUR",
            80m,
            "en",
            [new CartLine(1, 2, "Mug", null, 1, 80m, null, "MUG")],
            null,
            DateTimeOffset.UtcNow);

    public static async Task<IReadOnlyList<RecordedEffect>> EffectsAsync(StorageTables tables, string workflowId)
    {
        var table = await tables.GetAsync(RecordingStepExecutor.EffectsTable);
        var effects = new List<RecordedEffect>();
        await foreach (var row in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {workflowId}")))
        {
            effects.Add(new RecordedEffect(row.PartitionKey, row.RowKey, row.GetString("StepId")!, row.GetInt32("StepIndex")!.Value, new DateTimeOffset(row.GetInt64("AtTicks")!.Value, TimeSpan.Zero)));
        }

        return effects.OrderBy(e => e.At).ToList();
    }

    /// <summary>Calls per idempotency key, across all workflows of the run.</summary>
    public static Task<IReadOnlyDictionary<string, int>> CallsPerKeyAsync(StorageTables tables) => RecordingStepExecutor.CallsPerKeyAsync(tables);

    public static Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) => Eventually.UntilAsync(condition, timeout, what);
}

internal sealed record RecordedEffect(string WorkflowId, string Key, string StepId, int StepIndex, DateTimeOffset At);
