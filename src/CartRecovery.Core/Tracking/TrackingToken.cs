using System.Text.Json.Serialization;
using CartRecovery.Core.Messaging;

namespace CartRecovery.Core.Tracking;

/// <summary>
/// What a signed link carries: which message of which workflow it belongs to, where a click goes (<see cref="Target"/>),
/// and, for unsubscribe tokens only, the addresses to suppress. Short JSON names keep links short.
/// </summary>
public sealed record TrackingToken(
    [property: JsonPropertyName("p")] TokenPurpose Purpose,
    [property: JsonPropertyName("s")] string Shop,
    [property: JsonPropertyName("m")] string MessageId,
    [property: JsonPropertyName("w")] string WorkflowId,
    [property: JsonPropertyName("st")] string StepId,
    [property: JsonPropertyName("c")] Channel Channel,
    [property: JsonPropertyName("k")] string? CustomerKey,
    [property: JsonPropertyName("x")] long ExpiresAtUnix,
    [property: JsonPropertyName("t")] string? Target = null,
    [property: JsonPropertyName("l")] string? Locale = null,
    [property: JsonPropertyName("e")] string? Email = null,
    [property: JsonPropertyName("ph")] string? Phone = null)
{
    [JsonIgnore]
    public DateTimeOffset ExpiresAt => DateTimeOffset.FromUnixTimeSeconds(ExpiresAtUnix);
}
