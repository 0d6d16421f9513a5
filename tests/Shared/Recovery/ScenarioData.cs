using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CartRecovery.Core.Carts;
using CartRecovery.Core.Http;
using CartRecovery.Core.Messaging;
using CartRecovery.Core.Workflow.Settings;
using CartRecovery.RunnerHost;
using CartRecovery.Storage;
using Azure.Data.Tables;
using CartRecovery.Storage.Tables;
using CartRecovery.Testing;

namespace CartRecovery.RecoveryScenarios;

/// <summary>Carts, store settings, merchant requests, and readers for what the recording step executor saw.</summary>
public static class ScenarioData
{
    public const string Shop = "scenario.myshopify.com";
    public const string ApiKey = "test-app";
    public const string ApiSecret = "test-secret";

    /// <summary>Three steps at 1, 2 and 3 hours: at a time scale of 3600 they fall due 1, 2 and 3 seconds after abandonment.</summary>
    public static RecoverySettings ThreeSteps { get; } = RecoveryPresets.Defaults with
    {
        Expiry = TimeSpan.FromDays(7),
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

    public static CartSnapshot Cart(string cartKey, string email = "shopper@example.com", long? customerId = null, decimal total = 80m, int lines = 1) =>
        new(
            Shop,
            cartKey,
            CartKind.Checkout,
            null,
            cartKey,
            customerId is null ? null : new CustomerSnapshot(customerId, "Ada", null, 1, 50m),
            new ContactInfo(email, null, ConsentState.Subscribed, ConsentState.Unknown),
            "EUR",
            total,
            "en",
            [.. Enumerable.Range(1, lines).Select(i => new CartLine(i, i + 1, "Mug", null, 1, total, null, "MUG"))],
            null,
            DateTimeOffset.UtcNow);

    /// <summary>A merchant request to a sequences endpoint, authenticated as App Bridge does (HS256 session token).</summary>
    public static HostRequest MerchantRequest(string method, string id, string body = "")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer " + SessionToken(Shop) };
        var route = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["shop"] = Shop, ["id"] = id };
        return new HostRequest(method, $"/api/stores/{Shop}/sequences/{id}", headers, new Dictionary<string, string>(), route, Encoding.UTF8.GetBytes(body));
    }

    public static async Task<IReadOnlyList<Effect>> EffectsAsync(StorageTables tables, string workflowId)
    {
        var table = await tables.GetAsync(RecordingStepExecutor.EffectsTable);
        var effects = new List<Effect>();
        await foreach (var row in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {workflowId}")))
        {
            effects.Add(new Effect(row.RowKey, row.GetString("StepId")!, new DateTimeOffset(row.GetInt64("AtTicks")!.Value, TimeSpan.Zero)));
        }

        return [.. effects.OrderBy(e => e.At)];
    }

    /// <summary>When each attempt of a step was made (the recording executor logs every call, the failing ones too), in order.</summary>
    public static async Task<IReadOnlyList<DateTimeOffset>> CallsAsync(StorageTables tables, string idempotencyKey)
    {
        var table = await tables.GetAsync(RecordingStepExecutor.CallsTable);
        var calls = new List<DateTimeOffset>();
        await foreach (var row in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {RecordingStepExecutor.SafeKey(idempotencyKey)}")))
        {
            calls.Add(new DateTimeOffset(long.Parse(row.RowKey[..19], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero));
        }

        return [.. calls.Order()];
    }

    /// <summary>Calls per idempotency key across the engine's recoveries: how often the engine asked for each message.</summary>
    public static Task<IReadOnlyDictionary<string, int>> CallsPerKeyAsync(StorageTables tables) => RecordingStepExecutor.CallsPerKeyAsync(tables);

    public static Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) => Eventually.UntilAsync(condition, timeout, what);

    private static string SessionToken(string shop)
    {
        var now = DateTimeOffset.UtcNow;
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT" }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(new
        {
            iss = $"https://{shop}/admin",
            dest = $"https://{shop}",
            aud = ApiKey,
            sub = "42",
            exp = now.AddMinutes(1).ToUnixTimeSeconds(), // App Bridge's lifetime: the validator refuses longer-lived tokens
            nbf = now.AddMinutes(-1).ToUnixTimeSeconds(),
            iat = now.AddMinutes(-1).ToUnixTimeSeconds(),
        }));
        var signature = Encode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(ApiSecret), Encoding.ASCII.GetBytes(header + "." + payload)));
        return $"{header}.{payload}.{signature}";
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>A message the recording executor "sent": its idempotency key (table-safe), execution id and time.</summary>
public sealed record Effect(string Key, string StepId, DateTimeOffset At);
